import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusCases, runCase } from './corpus.ts';

const cases = corpusCases();

describe('broken-file corpus', () => {
  it('has at least 40 cases, each with an expectation', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    for (const c of cases) assert.ok(c.expected.length > 0, `${c.name} has no "# expect:" line`);
  });

  it('the base data root is valid on its own', () => {
    const { all } = runCase({ name: 'none', text: '', place: 'hubs/corpus/assets/_unused.yaml', expected: [] });
    assert.deepEqual(all, []);
  });

  for (const c of cases) {
    it(`${c.name}: reported at the right file, line and field`, () => {
      const { problems } = runCase(c);
      for (const e of c.expected) {
        const match = problems.find(
          (p) => p.severity === e.severity && p.line === e.line && p.column === e.column && p.field === e.field && p.message.startsWith(e.message),
        );
        assert.ok(
          match,
          `expected ${e.severity} ${e.line}:${e.column} ${e.field} "${e.message}", got:\n${problems.map((p) => `  ${p.severity} ${p.line}:${p.column} ${p.field} ${p.message}`).join('\n')}`,
        );
        assert.ok(match.file.endsWith(c.place), `problem names ${match.file}, not ${c.place}`);
        assert.ok(match.hint.length > 10, 'every problem carries a hint');
      }
      if (c.expected.every((e) => e.severity === 'warning')) {
        assert.equal(problems.filter((p) => p.severity === 'error').length, 0, 'a warning-only case must not produce errors');
      }
    });
  }
});
