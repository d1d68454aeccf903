export * from './types.js';
export * from './graph.js';
export * from './access.js';
