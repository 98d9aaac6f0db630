import { expect } from '@open-wc/testing';
import { sortInSlices } from './tasks.js';

/** What one comparison sort gives: positions in key order, equal keys by position. */
const byKey = (keys: readonly string[]) =>
  Array.from(keys.keys()).sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b));

describe('tasks', () => {
  it('sorts positions by key in slices, equal keys by position, as one comparison sort would', async () => {
    const words = ['', 'a', 'ab', 'abc', 'b', 'B', 'é', 'zz', 'a b', 'ab ', 'café', 'cafe'];
    const keys = Array.from({ length: 5000 }, (_, i) => `${words[(i * 7) % words.length]}${i % 3 ? '' : words[i % 5]}`);
    expect(await sortInSlices(keys)).to.deep.equal(byKey(keys));
    // Keys in order already (equal ones included), and the same with one key out of place.
    const sorted = byKey(keys).map((i) => keys[i] as string);
    expect(await sortInSlices(sorted)).to.deep.equal([...sorted.keys()]);
    for (const odd of [
      [...sorted, 'a'],
      ['b', ...sorted],
    ])
      expect(await sortInSlices(odd)).to.deep.equal(byKey(odd));
  });
});
