import { expect } from '@open-wc/testing';
import { decodeFeed, type Feed, feedJson } from '@townhub/schema/feed';
import { sampleFeed, syntheticFeed } from '../test/fixtures.js';
import { fetchFeed } from './feed-loader.js';

const url = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/json' }));

describe('feed loader', () => {
  it('reads a large feed in chunks to exactly what decodeFeed gives', async () => {
    const doc = syntheticFeed(3000);
    // Brackets, commas, quotes and escapes inside strings must not cut a row.
    (doc.assets[5] as unknown[])[1] = 'Odd "name"], [with \\ brackets\\';
    (doc.assets[2000] as unknown[])[3] = '],[ "\\"],[';
    expect(await fetchFeed(url(JSON.stringify(doc)))).to.deep.equal(decodeFeed(doc));
    // One row per line, cut at newlines; and the same with a newline after the document, as the CLI prints it.
    expect(feedJson(doc).split('\n')).to.have.length(3000 + 2);
    expect(await fetchFeed(url(feedJson(doc)))).to.deep.equal(decodeFeed(doc));
    expect(await fetchFeed(url(`${feedJson(doc)}\n`))).to.deep.equal(decodeFeed(doc));
    expect(await fetchFeed(url(feedJson({ ...doc, assets: [] })))).to.deep.equal(decodeFeed({ ...doc, assets: [] }));
  });

  it('decodes UTF-8 split across pieces of a read, and ASCII-escaped feeds, to the same feed', async () => {
    const doc = syntheticFeed(2000);
    // Dense multi-byte text, so pieces of a network read end inside characters.
    doc.assets.forEach((row, i) => {
      (row as unknown[])[3] = `Café’s 😀 ${'ŵé£'.repeat(i % 40)}`;
    });
    const expected = decodeFeed(doc);
    expect(await fetchFeed(url(JSON.stringify(doc)))).to.deep.equal(expected);
    expect(await fetchFeed(url(feedJson(doc)))).to.deep.equal(expected);
  });

  it('reads a feed laid out another way (indented, assets first)', async () => {
    const { assets, ...rest } = sampleFeed();
    const doc = { assets, ...rest } as Feed;
    expect(await fetchFeed(url(JSON.stringify(doc, null, 2)))).to.deep.equal(decodeFeed(sampleFeed()));
    expect(await fetchFeed(url(`${JSON.stringify({ ...sampleFeed(), extra: [1] })}`))).to.deep.equal(decodeFeed(sampleFeed()));
  });

  it('says plainly when the document is not a feed or not JSON', async () => {
    const failure = (text: string) =>
      fetchFeed(url(text)).then(
        () => '',
        (error: Error) => error.message,
      );
    expect(await failure('{"format":"other","assets":[]}')).to.contain('not a Town Digital Hub feed');
    expect(await failure(JSON.stringify(sampleFeed()).slice(0, -20))).to.equal('The list could not be read.');
  });
});
