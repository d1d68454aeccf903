export * from './types.js';
export { allRules } from './packs/index.js';
