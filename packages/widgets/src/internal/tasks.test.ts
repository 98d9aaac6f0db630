import { expect } from '@open-wc/testing';
import { sortInSlices } from './tasks.js';

describe('tasks', () => {
  it('sorts positions by key in slices, equal keys by position, as one comparison sort would', async () => {
    const words = ['', 'a', 'ab', 'abc', 'b', 'B', 'é', 'zz', 'a b', 'ab ', 'café', 'cafe'];
    const keys = Array.from({ length: 5000 }, (_, i) => `${words[(i * 7) % words.length]}${i % 3 ? '' : words[i % 5]}`);
    const expected = Array.from(keys.keys()).sort((a, b) =>
      (keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b,
    );
    expect(await sortInSlices(keys)).to.deep.equal(expected);
  });
});
