import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hubSlugs, loadTaxonomy, nearest } from '@townhub/schema';
import { type Command, dataRoot, parseOptions, UsageError } from '../cli.ts';
import { assetTemplate } from '../template.ts';

/** Turns a name into an id: "Knit & Natter (Tuesdays)" → "knit-natter-tuesdays". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export const newAsset: Command = (argv, io) => {
  const { values } = parseOptions(argv, { data: { type: 'string' }, hub: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout('Usage: townhub new-asset --hub <slug> --name "…" [--data <dir>]\nWrites a commented asset file and prints its path.\n');
    return 0;
  }
  if (!values.hub) throw new UsageError('--hub is required, e.g. --hub birmingham-ladywood.');
  if (!values.name?.trim()) throw new UsageError('--name is required, e.g. --name "Ladywood Walking Group".');
  const root = dataRoot(values.data, io);
  const slugs = hubSlugs(root);
  if (!slugs.includes(values.hub)) {
    const guess = nearest(values.hub, slugs);
    throw new UsageError(`There is no hub called "${values.hub}"${guess ? ` (did you mean "${guess}"?)` : ''}.`);
  }
  const base = slugify(values.name);
  if (!base) throw new UsageError(`--name needs some letters or digits, not "${values.name}".`);
  const dir = join(root, 'hubs', values.hub, 'assets');
  mkdirSync(dir, { recursive: true });
  let id = base;
  for (let n = 2; existsSync(join(dir, `${id}.yaml`)); n++) id = `${base}-${n}`;
  const category = loadTaxonomy(root).categories[0]?.id ?? 'mental-wellbeing';
  const file = join(dir, `${id}.yaml`);
  writeFileSync(file, assetTemplate({ id, name: values.name.trim(), category, today: new Date().toISOString().slice(0, 10) }), { flag: 'wx' });
  io.stdout(`${relative(io.cwd, file)}\n`);
  return 0;
};
