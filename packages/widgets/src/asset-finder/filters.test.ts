import { expect } from '@open-wc/testing';
import type { FeedAsset } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS } from '@townhub/schema/vocabulary';
import { distanceKm } from '../internal/geo.js';
import { sampleDecoded } from '../test/fixtures.js';
import { categoryDescendants, prepareFilter } from './filter-match.js';
import { activeFilters, emptyFilters, type FilterState } from './filters.js';
import { fromParams, toParams } from './url-state.js';

const feed = sampleDecoded();
const vocabulary = { kinds: ASSET_KINDS, days: DAYS, features: ACCESSIBILITY_FEATURES };
const descendants = categoryDescendants(feed.categories);
// Tuesday 25 November 2025, 10:30 local time.
const tuesdayMorning = new Date(2025, 10, 25, 10, 30);

function run(patch: Partial<FilterState>, now = tuesdayMorning, origin?: { lat: number; lng: number }): string[] {
  const distances = origin
    ? Float64Array.from(feed.assets, (a) => Math.min(Number.POSITIVE_INFINITY, ...a.points.map((p) => distanceKm(origin, p))))
    : undefined;
  const test = prepareFilter({ ...emptyFilters(), ...patch }, { descendants, now, distances });
  return feed.assets.filter((a, i) => test(a as FeedAsset, i)).map((a) => a.id);
}

describe('finder filters', () => {
  it('passes everything with no filter', () => {
    expect(run({})).to.have.length(feed.assets.length);
  });
  it('categories (any of them; a broad one includes its narrower ones)', () => {
    expect(run({ categories: ['food'] })).to.deep.equal(['lunch-club']);
    expect(run({ categories: ['food', 'money-and-debt'] })).to.have.members(['lunch-club', 'debt-advice']);
    expect(run({ categories: ['safety'] })).to.deep.equal(['safe-space']);
  });
  it('kind', () => {
    expect(run({ kinds: ['activity'] })).to.have.members(['art-club', 'youth-football']);
  });
  it('day of week', () => {
    expect(run({ day: 'fri' })).to.have.members(['art-club', 'lunch-club', 'safe-space']);
    expect(run({ day: 'sat' })).to.have.members(['youth-football', 'safe-space']);
  });
  it('time of day, alone and with a day', () => {
    expect(run({ time: 'evening' })).to.have.members(['art-club', 'safe-space']);
    expect(run({ time: 'morning', day: 'tue' })).to.have.members(['walking-group', 'safe-space']);
  });
  it('open now', () => {
    expect(run({ openNow: true })).to.have.members(['walking-group', 'safe-space']);
    expect(run({ openNow: true }, new Date(2025, 10, 28, 12, 30))).to.have.members(['lunch-club', 'safe-space']);
  });
  it('free only', () => {
    expect(run({ free: true })).to.not.include.members(['art-club', 'lunch-club']);
    expect(run({ free: true })).to.have.length(4);
  });
  it('age', () => {
    expect(run({ age: 10 })).to.have.members(['debt-advice', 'youth-football', 'safe-space']);
    expect(run({ age: 65 })).to.have.members(['walking-group', 'art-club', 'debt-advice', 'lunch-club', 'safe-space']);
  });
  it('accessibility features (all of them)', () => {
    expect(run({ access: ['step-free'] })).to.have.members(['walking-group', 'lunch-club']);
    expect(run({ access: ['step-free', 'seating'] })).to.deep.equal(['walking-group']);
  });
  it('referral type', () => {
    expect(run({ referral: 'referral' })).to.have.members(['debt-advice', 'lunch-club']);
    expect(run({ referral: 'self' })).to.not.include('debt-advice');
  });
  it('distance from a place (area-wide and online assets always pass)', () => {
    const northEnd = { lat: 52.54, lng: -1.92 };
    expect(run({ near: 'North End', within: 2 }, tuesdayMorning, northEnd)).to.have.members(['art-club', 'debt-advice', 'safe-space']);
  });
  it('lists the filters in use', () => {
    expect(activeFilters({ ...emptyFilters(), free: true, q: 'x', day: 'mon' })).to.deep.equal(['day', 'free']);
  });
  it('round-trips through URL parameters and ignores junk', () => {
    const state: FilterState = {
      ...emptyFilters(),
      q: 'lunch',
      categories: ['food'],
      kinds: ['group'],
      day: 'fri',
      time: 'afternoon',
      free: true,
      age: 70,
      access: ['step-free'],
      referral: 'self',
      near: 'Town Centre',
      within: 3.219,
      sort: 'distance',
    };
    expect(fromParams(toParams(state), emptyFilters(), vocabulary)).to.deep.equal({ ...state, openNow: false });
    const junk = fromParams(new URLSearchParams('day=someday&kind=spaceship&age=-4&sort=random&access=wings'), emptyFilters(), vocabulary);
    expect(junk).to.deep.equal(emptyFilters());
  });
});
