import { aTimeout, expect } from '@open-wc/testing';
import { decodeFeed, type FeedAsset } from '@townhub/schema/feed';
import { sampleDecoded, syntheticFeed } from '../test/fixtures.js';
import { SearchIndex, tokenize } from './search-index.js';

const feed = sampleDecoded();
const labels = new Map(feed.categories.map((c) => [c.id, c.label]));
const index = SearchIndex.over(feed.assets, labels);
/** Positions of the matches, best first (undefined: no keyword filter). */
const hits = (of: SearchIndex, query: string) => {
  const ranked = of.rank(query);
  return ranked && Array.from(ranked);
};
const ids = (query: string) => hits(index, query)?.map((i) => (feed.assets[i] as FeedAsset).id);

describe('search index', () => {
  it('tokenizes without accents, apostrophes or stop words', () => {
    expect(tokenize('Men’s Café and the Choir')).to.deep.equal(['mens', 'cafe', 'choir']);
  });

  it('means "no keyword filter" for an empty query', () => {
    expect(index.rank('  ')).to.equal(undefined);
    expect(index.rank('the and')).to.equal(undefined);
  });

  it('ranks a name match above a category or organisation match above a summary match', () => {
    // "walking": the walking group has it in its name; the art club only in its summary.
    expect(ids('walking')).to.deep.equal(['walking-group', 'art-club']);
    // "ladywood": a name (walking group) beats an organisation (art club, "Ladywood Arts Trust").
    expect(ids('ladywood')).to.deep.equal(['walking-group', 'art-club']);
    // "befriending": a category label only.
    expect(ids('befriending')).to.have.members(['walking-group', 'lunch-club']);
  });

  it('matches prefixes as you type', () => {
    expect(ids('lun')).to.deep.equal(['lunch-club']);
    expect(ids('foot')).to.deep.equal(['youth-football']);
  });

  it('tolerates typos', () => {
    expect(ids('walkign')).to.include('walking-group');
    expect(ids('footbal')).to.deep.equal(['youth-football']);
    expect(ids('confidentail')).to.have.members(['debt-advice', 'safe-space']);
    // A missing letter.
    expect(ids('footall')).to.deep.equal(['youth-football']);
    expect(ids('walkng')).to.include('walking-group');
  });

  it('requires every word to match', () => {
    expect(ids('lunch older')).to.deep.equal(['lunch-club']);
    expect(ids('lunch football')).to.deep.equal([]);
  });

  it('indexes the same words as tokenize, with apostrophes, accents and stop words', () => {
    const texts = ["Men’s Shed's 'quoted' it's", 'Café au lait, naïve ÉCOLE', "A and the 42nd st. O'Brien", "''a'b  c'", 'ß straße', 'Hello-world__foo bar9'];
    const assets = texts.map((name, i) => ({
      ...(feed.assets[0] as FeedAsset),
      id: `t${i}`,
      name,
      summary: '',
      categories: [],
      tags: undefined,
      organisation: undefined,
    }));
    const own = SearchIndex.over(assets, new Map());
    texts.forEach((text, i) => {
      // Searching starts at two letters.
      for (const word of tokenize(text).filter((w) => w.length > 1)) expect(hits(own, word)).to.include(i, word);
    });
    // Stop words are never terms, and apostrophes join a word rather than split it.
    expect(hits(own, 'mens')?.[0]).to.equal(0);
    expect(hits(own, 'obrien')).to.deep.equal([2]);
    expect(hits(own, 'bri')).to.deep.equal([]);
  });

  it('answers a search before it is filled in the background with the same results as after', async () => {
    const big = decodeFeed(syntheticFeed(3000)).assets;
    const queries = ['walkign', 'coffee morn', 'choir 12', 'yoga 1'];
    // Indexed all at once by the first search.
    const expected = queries.map((q) => hits(SearchIndex.over(big, labels), q));
    expect(expected.every((found) => (found?.length ?? 0) > 0)).to.equal(true);
    const early = SearchIndex.over(big, labels);
    // Part-filled: the background work has run two short slices (and never resumes) when the first search comes.
    let pauses = 0;
    void early.complete(undefined, () => new Promise((resolve) => (++pauses < 3 ? setTimeout(resolve) : undefined)), 0);
    await aTimeout(20);
    expect(pauses).to.equal(3);
    expect(queries.map((q) => hits(early, q))).to.deep.equal(expected);
    // Indexed in the background before any search.
    const later = SearchIndex.over(big, labels);
    await later.complete();
    expect(queries.map((q) => hits(later, q))).to.deep.equal(expected);
  });

  it('finds narrow categories by their broad parent (safety → domestic abuse)', () => {
    const withParents = new Map(feed.categories.map((c) => [c.id, `${c.label} ${c.parent ? labels.get(c.parent) : ''}`]));
    const parentIndex = SearchIndex.over(feed.assets, withParents);
    expect(hits(parentIndex, 'safety')?.map((i) => (feed.assets[i] as FeedAsset).id)).to.deep.equal(['safe-space']);
  });
});
