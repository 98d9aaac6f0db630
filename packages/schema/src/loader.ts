/**
 * Reads a data root (hub-data/) and returns typed hubs and assets, or problems that each name the file, line,
 * column, field, what was wrong and how to fix it. This is the one place hub data is validated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { FAILSAFE_SCHEMA, load as loadYamlValue, Type } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type * as z from 'zod';
import { hubSlugs } from './data-root.ts';
import { type Asset, AssetSchema, type Category, type Hub, HubSchema, type Taxonomy, TaxonomySchema } from './schema.ts';

export type Severity = 'error' | 'warning';

/** One thing wrong with a data file. */
export interface Problem {
  severity: Severity;
  /** File path, relative to the working directory. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Field path such as `schedule.weekly[0].closes`, or empty for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

export interface LoadedAsset {
  asset: Asset;
  /** Path of the asset's YAML file relative to the data root, e.g. `hubs/x/assets/y.yaml`. */
  file: string;
}

export interface LoadedHub {
  hub: Hub;
  /** Path of hub.yaml relative to the data root. */
  file: string;
  assets: LoadedAsset[];
  problems: Problem[];
}

export interface LoadResult {
  root: string;
  categories: Category[];
  hubs: LoadedHub[];
  /** Every problem: taxonomy, hubs and assets. */
  problems: Problem[];
}

export interface LoadOptions {
  /** Load only this hub. */
  hub?: string;
  /** "Today", for review-date rules (default: now). */
  today?: Date;
  /** Months after which an asset counts as not reviewed (a warning). Default 12. */
  staleMonths?: number;
}

/** Thrown for problems with the data root itself (missing folder, unknown hub). */
export class DataRootError extends Error {
  override name = 'DataRootError';
}

/** Degrees around a hub's bounds inside which asset coordinates are still plausible (about 5 km). */
export const BOUNDS_MARGIN = 0.05;

// ---------------------------------------------------------------------------
// YAML with positions

interface ParsedFile<T> {
  value?: T;
  problems: Problem[];
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/** The closest candidate to `value`, if it is close enough to be a likely typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const c of candidates) {
    const d = levenshtein(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

/** Finds the YAML node for a path; `key: true` returns the key node of the last segment when there is one. */
function nodeAt(contents: Node | null, path: readonly PropertyKey[], key = false): Node | null {
  let node: Node | null = contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) return node;
      if (key && i === path.length - 1 && pair.key) return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** The parts of a zod schema's definition that we walk to find the fields allowed at a path. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType | undefined): SchemaDef | undefined => (schema as unknown as { def?: SchemaDef } | undefined)?.def;

function unwrapOptional(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let def = defOf(s); def && ['optional', 'default', 'nullable'].includes(def.type) && def.innerType; def = defOf(s)) s = def.innerType;
  return s;
}

/** The keys a schema accepts at `path`, for "did you mean" hints on unknown fields. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s = unwrapOptional(schema);
  for (const seg of path) {
    const def = defOf(s);
    if (def?.type === 'array' && typeof seg === 'number') s = unwrapOptional(def.element);
    else if (def?.type === 'object' && typeof seg === 'string') s = unwrapOptional(def.shape?.[seg]);
    else return [];
  }
  const def = defOf(s);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

const TYPE_HINTS: Record<string, string> = {
  string: 'Write text here; put it in quotes if it starts with a special character.',
  number: 'Write a number without quotes, e.g. 52.48.',
  int: 'Write a whole number without quotes.',
  boolean: 'Write true or false, without quotes.',
  array: 'Write a list: each item on its own line, starting with "- ".',
  object: 'Indent the fields that belong under this key by two spaces.',
};

function describeValue(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a set of fields';
  if (typeof input === 'string') return `the text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input === 'number' ? 'the number' : 'the value'} ${String(input)}`;
}

/** Turns one zod issue into problems with our own words and hints. */
function explainIssue(issue: z.core.$ZodIssue, schema: z.ZodType): { path: PropertyKey[]; message: string; hint: string; onKey?: boolean }[] {
  const path = issue.path as PropertyKey[];
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      if (issue.input === undefined) {
        return [
          {
            path,
            message: 'is required',
            hint: `Add a "${String(last)}:" line with ${TYPE_WORDS[expected] ?? expected}; see hub-data/_template.yaml.`,
            onKey: true,
          },
        ];
      }
      return [
        {
          path,
          message: `should be ${TYPE_WORDS[expected] ?? expected}, not ${describeValue(issue.input)}`,
          hint: TYPE_HINTS[expected] ?? 'Compare with hub-data/_template.yaml.',
        },
      ];
    }
    case 'unrecognized_keys': {
      const keys = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const guess = nearest(key, keys);
        return {
          path: [...path, key],
          onKey: true,
          message: `unknown field "${key}"`,
          hint: guess ? `Did you mean "${guess}"?` : `Remove it, or use one of: ${keys.join(', ')}.`,
        };
      });
    }
    case 'invalid_value': {
      if (issue.input === undefined)
        return [{ path, message: 'is required', hint: `Add a "${String(last)}:" line with one of: ${issue.values.map(String).join(', ')}.`, onKey: true }];
      const values = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? nearest(issue.input, values) : undefined;
      return [
        {
          path,
          message: `${describeValue(issue.input)} is not allowed`,
          hint: guess ? `Did you mean "${guess}"? Allowed: ${values.join(', ')}.` : `Use one of: ${values.join(', ')}.`,
        },
      ];
    }
    case 'too_small': {
      if (issue.origin === 'array')
        return [
          {
            path,
            message: `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`,
            hint: 'Add an item on its own line starting with "- ".',
          },
        ];
      return [{ path, message: `must be at least ${String(issue.minimum)}`, hint: 'Use a larger value.' }];
    }
    case 'too_big': {
      if (issue.origin === 'string')
        return [
          { path, message: issue.message, hint: (issue as { params?: { hint?: string } }).params?.hint ?? `Keep it to ${String(issue.maximum)} characters.` },
        ];
      return [{ path, message: `must be at most ${String(issue.maximum)}`, hint: 'Use a smaller value.' }];
    }
    case 'custom': {
      return [{ path, message: issue.message, hint: (issue.params as { hint?: string } | undefined)?.hint ?? 'Compare with hub-data/_template.yaml.' }];
    }
    default:
      return [{ path, message: issue.message, hint: 'Compare with hub-data/_template.yaml.' }];
  }
}

// Valid files take a fast path: js-yaml reads them to plain values (several times faster than building a Document
// with positions), restricted to the YAML 1.2 core schema with the same patterns the `yaml` package resolves plain
// scalars with. A file the fast path does not read, or whose values fail the schema, is read again as a positioned
// Document, so every problem is reported exactly as before.

const scalarType = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => test.test(text ?? ''), construct });

// One type per tag: js-yaml keeps only the last of several types with the same tag.
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalarType('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalarType('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? Number.parseInt(text.slice(2), 8) : text.startsWith('0x') ? Number.parseInt(text.slice(2), 16) : Number.parseInt(text, 10),
    ),
    scalarType(
      'float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (text) =>
        /^[-+]?\.(?:inf|Inf|INF)$/.test(text)
          ? text[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
          : /^\.(?:nan|NaN|NAN)$/.test(text)
            ? Number.NaN
            : Number.parseFloat(text),
    ),
  ],
});

/**
 * Anchors, aliases, tags, directives, merge keys and collection or explicit keys (or text that looks like them) always
 * take the positioned path.
 */
const NOT_FAST = /(?:^|[\s[{,])[&*!]\S|^%|<<|__proto__|^[\s-]*[[{?]/m;

/** Keys the `yaml` package reads as null (and turns into ""), where js-yaml keeps the text. */
const NULL_KEYS = new Set(['', '~', 'null', 'Null', 'NULL']);
const hasNullKey = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(hasNullKey)
    : value !== null && typeof value === 'object' && Object.entries(value).some(([k, v]) => NULL_KEYS.has(k) || hasNullKey(v));

/** A YAML file's top-level fields as plain values, or undefined when the fast path does not read it (no positions). */
export function yamlFieldsFast(text: string): Record<string, unknown> | undefined {
  if (NOT_FAST.test(text)) return undefined;
  try {
    const value: unknown = loadYamlValue(text, { schema: CORE_SCHEMA });
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !hasNullKey(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses YAML text against a schema, with every problem placed at its line and column. */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): ParsedFile<z.output<S>> {
  const fields = yamlFieldsFast(text);
  if (fields) {
    const result = schema.safeParse(fields, { reportInput: true });
    if (result.success) return { value: result.data, problems: [] };
  }
  return parsePositioned(text, file, schema);
}

/** The full path: a Document with positions, so each problem names its line and column. */
function parsePositioned<S extends z.ZodType>(text: string, file: string, schema: S): ParsedFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  const problem = (offset: number, field: string, message: string, hint: string, severity: Severity = 'error'): Problem => {
    const { line, col } = at(offset);
    return { severity, file, line, column: col, field, message, hint };
  };

  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const message = e.message.split('\n')[0] ?? e.message;
        const hint =
          e.code === 'DUPLICATE_KEY'
            ? 'Each field may appear only once; remove or merge the repeated one.'
            : 'Check the indentation and punctuation on this line; text with ": " or "#" needs quotes.';
        return problem(e.pos[0], '', `YAML syntax: ${message}`, hint);
      }),
    };
  }
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return { problems: [problem(0, '', 'the file is empty', 'Start from a copy of hub-data/_template.yaml.')] };
  }
  if (!isMap(doc.contents)) {
    return { problems: [problem(doc.contents.range?.[0] ?? 0, '', 'the file should hold a set of fields', 'Start from a copy of hub-data/_template.yaml.')] };
  }

  const result = schema.safeParse(doc.toJS({ maxAliasCount: 50 }), { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    for (const p of explainIssue(issue, schema)) {
      const node = nodeAt(doc.contents, p.path, p.onKey);
      problems.push(problem(node?.range?.[0] ?? 0, formatField(p.path), p.message, p.hint));
    }
  }
  return { problems };
}

/** Source position of a field in a parsed file, for rules checked after the schema. */
function positionOf(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const node = nodeAt(doc.contents, path);
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line, column: col };
}

// ---------------------------------------------------------------------------
// Data root

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
    .sort();
}

function monthsBefore(date: Date, months: number): string {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

function display(root: string, rel: string): string {
  return relative(process.cwd(), join(root, rel)) || rel;
}

/** Reads and validates the shared taxonomy. */
export function loadTaxonomy(root: string): { categories: Category[]; problems: Problem[] } {
  const rel = 'taxonomy.yaml';
  const file = display(root, rel);
  if (!existsSync(join(root, rel))) {
    return {
      categories: [],
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          field: '',
          message: 'the taxonomy file is missing',
          hint: 'Create taxonomy.yaml with a categories: list.',
        },
      ],
    };
  }
  const text = readFileSync(join(root, rel), 'utf8');
  const parsed = parseYaml(text, file, TaxonomySchema);
  if (!parsed.value) return { categories: [], problems: parsed.problems };
  const taxonomy: Taxonomy = parsed.value;
  const problems: Problem[] = [];
  const ids = new Set<string>();
  taxonomy.categories.forEach((c, i) => {
    if (ids.has(c.id))
      problems.push({
        severity: 'error',
        file,
        ...positionOf(text, ['categories', i, 'id']),
        field: `categories[${i}].id`,
        message: `duplicate category id "${c.id}"`,
        hint: 'Give each category its own id.',
      });
    ids.add(c.id);
  });
  taxonomy.categories.forEach((c, i) => {
    if (c.parent && !ids.has(c.parent)) {
      problems.push({
        severity: 'error',
        file,
        ...positionOf(text, ['categories', i, 'parent']),
        field: `categories[${i}].parent`,
        message: `unknown parent "${c.parent}"`,
        hint: 'Use the id of another category in this file.',
      });
    }
  });
  return { categories: taxonomy.categories, problems };
}

/** Checks the rules that need more than one file: ids, categories, places, dates. */
function checkAsset(
  asset: Asset,
  text: string,
  file: string,
  fileId: string,
  hub: Hub,
  categoryIds: Set<string>,
  seen: Map<string, string>,
  options: Required<Pick<LoadOptions, 'today' | 'staleMonths'>>,
): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string, hint: string, severity: Severity = 'error') =>
    problems.push({ severity, file, ...positionOf(text, path), field: formatField(path), message, hint });

  if (asset.id !== fileId)
    add(['id'], `id "${asset.id}" does not match the file name "${fileId}.yaml"`, `Rename the file to ${asset.id}.yaml or set id: ${fileId}.`);
  const first = seen.get(asset.id);
  if (first) add(['id'], `duplicate id "${asset.id}" (also used by ${first})`, 'Give each asset its own id.');
  else seen.set(asset.id, file);

  asset.categories.forEach((c, i) => {
    if (!categoryIds.has(c)) {
      const guess = nearest(c, [...categoryIds]);
      add(
        ['categories', i],
        `unknown category "${c}"`,
        guess ? `Did you mean "${guess}"? Categories are listed in hub-data/taxonomy.yaml.` : 'Use a category id from hub-data/taxonomy.yaml.',
      );
    }
  });

  const { south, west, north, east } = hub.bounds;
  asset.locations?.forEach((l, i) => {
    const inside = l.lat >= south - BOUNDS_MARGIN && l.lat <= north + BOUNDS_MARGIN && l.lng >= west - BOUNDS_MARGIN && l.lng <= east + BOUNDS_MARGIN;
    if (!inside) {
      add(
        ['locations', i, 'lat'],
        `coordinates ${l.lat}, ${l.lng} are outside ${hub.constituency.name}`,
        `Check the latitude and longitude (this hub spans ${south}–${north} N, ${west}–${east} E); they may be swapped or mistyped.`,
      );
    }
  });

  const today = options.today.toISOString().slice(0, 10);
  if (asset.lastReviewed > today)
    add(['lastReviewed'], `review date ${asset.lastReviewed} is in the future`, `Use the date you checked the entry, no later than ${today}.`);
  else if (asset.lastReviewed < monthsBefore(options.today, options.staleMonths)) {
    add(['lastReviewed'], `not reviewed since ${asset.lastReviewed}`, 'Check the details with the organisation and update lastReviewed.', 'warning');
  }
  return problems;
}

/** Loads one hub folder. */
export function loadHub(
  root: string,
  slug: string,
  categories: readonly Category[],
  options: LoadOptions = {},
): LoadedHub | { hub: undefined; problems: Problem[] } {
  const opts = { today: options.today ?? new Date(), staleMonths: options.staleMonths ?? 12 };
  const hubRel = join('hubs', slug, 'hub.yaml');
  const hubFile = display(root, hubRel);
  if (!existsSync(join(root, hubRel))) {
    return {
      hub: undefined,
      problems: [
        {
          severity: 'error',
          file: hubFile,
          line: 1,
          column: 1,
          field: '',
          message: 'hub.yaml is missing',
          hint: 'Every hub folder needs a hub.yaml; copy one from another hub.',
        },
      ],
    };
  }
  const hubText = readFileSync(join(root, hubRel), 'utf8');
  const parsedHub = parseYaml(hubText, hubFile, HubSchema);
  if (!parsedHub.value) return { hub: undefined, problems: parsedHub.problems };
  const hub = parsedHub.value;
  const problems: Problem[] = [];
  if (hub.slug !== slug) {
    problems.push({
      severity: 'error',
      file: hubFile,
      ...positionOf(hubText, ['slug']),
      field: 'slug',
      message: `slug "${hub.slug}" does not match the folder name "${slug}"`,
      hint: `Set slug: ${slug}.`,
    });
  }
  const { south, west, north, east } = hub.bounds;
  const inBounds = (p: { lat: number; lng: number }) => p.lat >= south && p.lat <= north && p.lng >= west && p.lng <= east;
  if (!inBounds(hub.centre))
    problems.push({
      severity: 'error',
      file: hubFile,
      ...positionOf(hubText, ['centre']),
      field: 'centre',
      message: 'the centre is outside the bounds',
      hint: 'Check the centre and bounds coordinates.',
    });
  hub.places.forEach((p, i) => {
    if (!inBounds(p))
      problems.push({
        severity: 'error',
        file: hubFile,
        ...positionOf(hubText, ['places', i, 'lat']),
        field: `places[${i}]`,
        message: `place "${p.name}" is outside the bounds`,
        hint: 'Check its latitude and longitude.',
      });
  });

  const categoryIds = new Set(categories.map((c) => c.id));
  const seen = new Map<string, string>();
  const assets: LoadedAsset[] = [];
  const assetDir = join('hubs', slug, 'assets');
  for (const name of yamlFiles(join(root, assetDir))) {
    const rel = join(assetDir, name);
    const file = display(root, rel);
    const text = readFileSync(join(root, rel), 'utf8');
    const parsed = parseYaml(text, file, AssetSchema);
    if (!parsed.value) {
      problems.push(...parsed.problems);
      continue;
    }
    const found = checkAsset(parsed.value, text, file, basename(name, '.yaml'), hub, categoryIds, seen, opts);
    problems.push(...found);
    if (!found.some((p) => p.severity === 'error')) assets.push({ asset: parsed.value, file: rel });
  }
  return { hub, file: hubRel, assets, problems };
}

/** Loads and validates a whole data root (or one hub of it). */
export function loadData(root: string, options: LoadOptions = {}): LoadResult {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new DataRootError(`There is no data folder at ${root}.`);
  const slugs = hubSlugs(root);
  if (options.hub && !slugs.includes(options.hub)) {
    const guess = nearest(options.hub, slugs);
    throw new DataRootError(`There is no hub called "${options.hub}" in ${root}${guess ? ` (did you mean "${guess}"?)` : ''}.`);
  }
  const { categories, problems } = loadTaxonomy(root);
  const hubs: LoadedHub[] = [];
  for (const slug of options.hub ? [options.hub] : slugs) {
    const loaded = loadHub(root, slug, categories, options);
    problems.push(...loaded.problems);
    if (loaded.hub) hubs.push(loaded);
  }
  return { root, categories, hubs, problems };
}

/** True when any problem is an error (warnings do not fail a check). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
