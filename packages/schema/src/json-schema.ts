/** JSON Schemas for editors, generated from the zod schemas so they cannot drift. */
import * as z from 'zod';
import { AssetSchema, HubSchema, TaxonomySchema } from './schema.ts';

/** The JSON Schema documents, keyed by file name. */
export function jsonSchemas(): Record<string, object> {
  const make = (schema: z.ZodType, title: string) => ({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) });
  return {
    'asset.schema.json': make(AssetSchema, 'Town Digital Hub asset'),
    'hub.schema.json': make(HubSchema, 'Town Digital Hub hub'),
    'taxonomy.schema.json': make(TaxonomySchema, 'Town Digital Hub taxonomy'),
  };
}

/** The first line of every YAML file, so editors validate and complete it. */
export function schemaComment(relativePathToSchemaDir: string, name: 'asset' | 'hub' | 'taxonomy'): string {
  return `# yaml-language-server: $schema=${relativePathToSchemaDir}/${name}.schema.json`;
}
