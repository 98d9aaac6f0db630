import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { yamlFieldsFast } from '../src/index.ts';

/** What the positioned path reads: the same value, or a YAML error. */
function positioned(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: true, maxAliasCount: 50 });
  } catch {
    return 'YAML error';
  }
}

/** The fast path may decline a file, but a file it reads must give exactly what the positioned path gives. */
function agrees(text: string): boolean {
  const fast = yamlFieldsFast(text);
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, positioned(text), text);
  return true;
}

function yamlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
}

const HERE = new URL('.', import.meta.url).pathname;

describe('yamlFieldsFast', () => {
  it('reads every seed, corpus and fixture file it accepts exactly as the positioned parser does', () => {
    const files = [...yamlFiles(join(HERE, '../../../hub-data')), ...yamlFiles(join(HERE, 'corpus')), ...yamlFiles(join(HERE, 'fixtures'))];
    const read = files.filter((f) => agrees(readFileSync(f, 'utf8')));
    // Nearly all real files take the fast path; the rest fall back, never disagree.
    assert.ok(read.length > files.length * 0.8, `${read.length} of ${files.length} read fast`);
  });

  it('resolves plain scalars with the YAML 1.2 core schema', () => {
    const scalars = [
      '12',
      '-3',
      '+4',
      '012',
      '0o17',
      '0x1F',
      '0x1f',
      '1_000',
      '1.5',
      '1.50',
      '.5',
      '5.',
      '1e3',
      '-1.2E-3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      'nan',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'yes',
      'on',
      'off',
      'y',
      'n',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      '',
      '2026-01-01',
      '2026-01-01T10:00:00Z',
      '10:00',
      '1:30:00',
      '0b101',
      '1,000',
      '£5',
      'B1 1AA',
      '- x',
      'a #b',
      '@x',
      '`x',
    ];
    for (const s of scalars) {
      if (s.startsWith('@') || s.startsWith('`') || s.startsWith('- ')) assert.equal(yamlFieldsFast(`v: ${s}\n`), undefined);
      else assert.ok(agrees(`v: ${s}\n`), s);
      assert.ok(agrees(`v: "${s}"\n`), `"${s}"`);
      assert.ok(agrees(`v: '${s}'\n`), `'${s}'`);
    }
  });

  it('reads block, flow and quoted styles the same way', () => {
    const texts = [
      'a: |\n  one\n  two\n\n',
      'a: |-\n  one\n\n  two\n',
      'a: |+\n  one\n\n\nb: 1\n',
      'a: >\n  one\n  two\n\n  three\n',
      'a: >-\n  one\n   indented\n  two\n',
      'a: |2\n    four\n  two\n',
      'a: plain\n  continued\n  lines\n',
      'a: [x, "y", 3, {b: c}]\nd: {e: [1, 2]}\n',
      "a: \"esc \\t \\n \\u00e9 \\x41 \\\\ \\\" end\"\nb: 'it''s'\n",
      'a: "folded\n  double\n\n  quoted"\n',
      'a:\n- 1\n- - 2\n  - 3\n- b: 4\n  c: 5\n',
      '# comment\na: 1 # trailing\n# end\n',
      'a: 1\r\nb: two\r\nc: |\r\n  x\r\n  y\r\n',
      '\ufeffa: 1\n',
      '---\na: 1\n...\n',
      'a:\nb: ~\nc: ""\n',
      '"quoted key": 1\n\'single\': 2\n',
      '1: one\n2.5: two\n1.50: x\n0o17: y\n0x1F: z\n.inf: w\ntrue: three\nFalse: four\n',
    ];
    for (const text of texts) assert.ok(agrees(text), text);
  });

  it('leaves invalid or unusual YAML to the positioned parser', () => {
    const texts = [
      'a: 1\na: 2\n',
      'a: b: c\n',
      'a:\n\t- 1\n',
      'a: 1\n---\nb: 2\n',
      'a: &x [1]\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: [1, 2\n',
      '- 1\n- 2\n',
      'just text\n',
      '',
      '# only a comment\n',
      '<<: {a: 1}\n',
      'null: 1\n',
      'a:\n  ~: 1\n',
      '? explicit\n: 2\n',
      '[a, b]: 1\n',
      '{a: 1}: 2\n',
      '- [a]: 1\n',
    ];
    for (const text of texts) {
      const fast = yamlFieldsFast(text);
      if (fast !== undefined) assert.deepStrictEqual(fast, positioned(text), text);
    }
    for (const text of [...texts.slice(0, 9), ...texts.slice(-6)]) assert.equal(yamlFieldsFast(text), undefined, text);
  });
});
