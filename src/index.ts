// The public library API: `import { ... } from 'aigis'`.
export { InputError } from './util/errors.js';
export * from './catalog/index.js';
export * from './resources/index.js';
export * from './iac/index.js';
export * from './rules/index.js';
export * from './scan/index.js';
export * from './assess/index.js';
export * from './report/index.js';
export * from './modelcard/index.js';
export * from './guard/index.js';
