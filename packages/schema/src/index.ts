export * from './data-root.ts';
export * from './feed.ts';
export * from './json-schema.ts';
export * from './loader.ts';
export * from './schema.ts';
export * from './vocabulary.ts';
