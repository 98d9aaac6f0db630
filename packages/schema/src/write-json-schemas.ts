/** Writes schema/*.schema.json; run after changing a schema (`pnpm --filter @townhub/schema json-schema`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schema.ts';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(new URL(name, dir), `${JSON.stringify(schema, null, 2)}\n`);
