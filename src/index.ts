// The public library API: `import { ... } from 'aigis'`.
export { InputError } from './util/errors.js';
