// The control catalog: frameworks and controls as validated data, with lookups, filters and coverage.
export * from './schema.js';
export {
  Catalog,
  controlCovers,
  type ControlFilter,
  type FrameworkCoverage,
  type RequirementCoverage,
} from './catalog.js';
export { loadCatalog, defaultCatalogDir, type LoadCatalogOptions } from './load.js';
