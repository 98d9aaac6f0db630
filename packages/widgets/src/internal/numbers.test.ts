import { expect } from '@open-wc/testing';
import { groupDigits } from './numbers.js';

describe('groupDigits', () => {
  it('groups whole numbers as British English does', () => {
    const intl = new Intl.NumberFormat('en-GB');
    for (const n of [0, 7, 42, 999, 1000, 1234, 20000, 99999, 100000, 1234567, 1000000000]) expect(groupDigits(n)).to.equal(intl.format(n));
  });
});
