/** Runs the broken-file corpus: each case is placed into a copy of a small valid data root and loaded. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadData, type Problem } from '../src/index.ts';

export const CORPUS_DIR = new URL('./corpus/', import.meta.url).pathname;
const TAXONOMY = new URL('../../../hub-data/taxonomy.yaml', import.meta.url).pathname;
/** The corpus is judged as of this date, so review-date cases never drift. */
export const CORPUS_TODAY = new Date('2026-11-23T12:00:00Z');

export interface Expectation {
  severity: 'error' | 'warning';
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface CorpusCase {
  name: string;
  text: string;
  /** Where the file goes inside the data root. */
  place: string;
  expected: Expectation[];
}

const EXPECT = /^# expect(-warning)?: (\d+):(\d+) (\S*) \| (.+)$/;

export function corpusCases(): CorpusCase[] {
  const dir = join(CORPUS_DIR, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const name = basename(file, '.yaml');
      const place = /^# place: (.+)$/m.exec(text)?.[1] ?? `hubs/corpus/assets/${name}.yaml`;
      const expected = text
        .split('\n')
        .map((l) => EXPECT.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map(
          (m) =>
            ({
              severity: m[1] ? 'warning' : 'error',
              line: Number(m[2]),
              column: Number(m[3]),
              field: m[4] === '-' ? '' : (m[4] ?? ''),
              message: m[5] ?? '',
            }) as Expectation,
        );
      return { name, text, place, expected };
    });
}

/** Loads the case inside a fresh data root and returns the problems reported for its file. */
export function runCase(c: CorpusCase): { problems: Problem[]; all: Problem[] } {
  const root = mkdtempSync(join(tmpdir(), 'townhub-corpus-'));
  cpSync(join(CORPUS_DIR, 'base'), root, { recursive: true });
  cpSync(TAXONOMY, join(root, 'taxonomy.yaml'));
  writeFileSync(join(root, c.place), c.text);
  const result = loadData(root, { today: CORPUS_TODAY });
  return { problems: result.problems.filter((p) => p.file.endsWith(c.place)), all: result.problems };
}
