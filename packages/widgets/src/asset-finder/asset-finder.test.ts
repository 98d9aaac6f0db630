import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { decodeFeed } from '@townhub/schema/feed';
import { sendKeys } from '@web/test-runner-commands';
import type { HubAssetCard } from '../asset-card/asset-card.js';
import { sampleDecoded, sampleFeed, syntheticFeed } from '../test/fixtures.js';
import type { HubAssetFinder } from './asset-finder.js';
import './define.js';

const feedUrl = (doc: unknown = sampleFeed()) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
const $ = <E extends Element = HTMLElement>(el: HubAssetFinder, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
const cards = (el: HubAssetFinder) => [...el.shadowRoot!.querySelectorAll<HubAssetCard>('hub-asset-card')];
const cardIds = (el: HubAssetFinder) => cards(el).map((c) => c.asset!.id);
const count = (el: HubAssetFinder) => $(el, '[part=count]').textContent!.trim();

async function ready(el: HubAssetFinder) {
  await waitUntil(() => el.loadedFeed, 'feed did not load', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

async function finder(template = html`<hub-asset-finder .feed=${sampleDecoded()}></hub-asset-finder>`) {
  return ready(await fixture<HubAssetFinder>(template));
}

async function type(el: HubAssetFinder, text: string) {
  $<HTMLInputElement>(el, '#q').focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<hub-asset-finder>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('keeps its fallback content visible while loading, and is accessible', async () => {
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder><ul><li><a href="/assets/one/">A static list</a></li></ul></hub-asset-finder>`);
    expect($(el, '.loading').textContent).to.contain('Loading');
    const slot = $<HTMLSlotElement>(el, 'slot');
    expect(slot.assignedElements()[0]!.textContent).to.contain('A static list');
    await expect(el).to.be.accessible();
  });

  it('loads a feed from src and lists every asset by name, with a count', async () => {
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder src=${feedUrl()}></hub-asset-finder>`);
    const loaded = await oneEvent(el, 'hub-feed-load');
    expect(loaded.detail.assetCount).to.equal(6);
    await el.updateComplete;
    expect(count(el)).to.equal('6 results');
    expect(cardIds(el)).to.deep.equal(['art-club', 'lunch-club', 'walking-group', 'debt-advice', 'safe-space', 'youth-football']);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a clear message and a retry button when the feed fails, keeping the fallback content', async () => {
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder src="/no-such-feed.json"><p>Call us on 0121 496 0000.</p></hub-asset-finder>`);
    const failed = await oneEvent(el, 'hub-feed-error');
    expect(failed.detail.message).to.contain('404');
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('could not be loaded');
    expect($<HTMLSlotElement>(el, 'slot').assignedElements()[0]!.textContent).to.contain('0121 496 0000');
    await expect(el).to.be.accessible();
    el.src = feedUrl();
    await ready(el);
    expect(cards(el)).to.have.length(6);
  });

  it('retries the same source on request', async () => {
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder src=${feedUrl({ format: 'something-else' })}></hub-asset-finder>`);
    await oneEvent(el, 'hub-feed-error');
    await el.updateComplete;
    const retry = $<HTMLButtonElement>(el, '[role=alert] button');
    setTimeout(() => retry.click());
    const again = await oneEvent(el, 'hub-feed-error');
    expect(again.detail.message).to.contain('not a Town Digital Hub feed');
  });

  it('searches as you type, ranks names first and announces the count politely', async () => {
    const el = await finder();
    await type(el, 'walking');
    expect(cardIds(el)).to.deep.equal(['walking-group', 'art-club']);
    expect(count(el)).to.equal('2 results of 6');
    await waitUntil(() => $(el, '[aria-live=polite]').textContent!.includes('2 results of 6'), 'no announcement', { timeout: 3000 });
  });

  it('offers suggestions in an accessible combobox operated by keyboard alone', async () => {
    const el = await finder();
    await type(el, 'lun');
    const input = $<HTMLInputElement>(el, '#q');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const options = [...el.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Friday Lunch Club']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('suggestion-0');
    expect($(el, '#suggestion-0').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Friday Lunch Club');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(cardIds(el)).to.deep.equal(['lunch-club']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(cards(el)).to.have.length(6);
  });

  it('suggests a category, which becomes a filter', async () => {
    const el = await finder();
    await type(el, 'money');
    const options = [...el.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim());
    expect(options[0]).to.equal('Money and debt (category)');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.state.categories).to.deep.equal(['money-and-debt']);
    expect(el.state.q).to.equal('');
    expect(cardIds(el)).to.deep.equal(['debt-advice']);
  });

  it('operates the filters by keyboard', async () => {
    const el = await finder();
    $<HTMLElement>(el, 'summary').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, 'details').open).to.equal(true);
    $<HTMLInputElement>(el, '#free').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(count(el)).to.equal('4 results of 6');
    $<HTMLSelectElement>(el, '#day').focus();
    await sendKeys({ press: 'ArrowDown' }); // Monday
    await el.updateComplete;
    expect(el.state.day).to.equal('mon');
    expect(cardIds(el)).to.have.members(['debt-advice', 'safe-space']);
    expect($(el, 'summary').textContent).to.contain('2 in use');
    await expect(el).to.be.accessible();
  });

  it('offers to relax each filter when nothing matches', async () => {
    const el = await finder();
    el.state = { q: 'lunch', free: true, kinds: ['group'] };
    await el.updateComplete;
    expect(cards(el)).to.have.length(0);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.relax button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
      'Search for everything, not “lunch”',
      'Include every type',
      'Include places that charge',
      'Clear all filters',
    ]);
    await expect(el).to.be.accessible();
    buttons[2]!.click();
    await el.updateComplete;
    expect(cardIds(el)).to.deep.equal(['lunch-club']);
  });

  it('keeps filtered results right as the keywords, the filters and the time change', async () => {
    const el = await finder();
    const results = async (state: Partial<HubAssetFinder['state']>) => {
      el.state = state;
      await el.updateComplete;
      return cardIds(el);
    };
    expect(await results({ q: 'walking', free: true })).to.deep.equal(['walking-group']);
    expect(await results({ q: 'walking' })).to.deep.equal(['walking-group', 'art-club']);
    expect(await results({ q: 'walking', free: true })).to.deep.equal(['walking-group']);
    // The same filters over every asset, after they were tried on the walking results only.
    expect(await results({ free: true })).to.deep.equal(['walking-group', 'debt-advice', 'safe-space', 'youth-football']);
    expect(await results({ free: true, kinds: ['activity'] })).to.deep.equal(['youth-football']);
    // Tuesday: the walking group meets 10:00–12:00; the helpline is open all day.
    el.now = new Date('2026-12-01T10:30');
    expect(await results({ openNow: true })).to.deep.equal(['walking-group', 'safe-space']);
    el.now = new Date('2026-12-01T12:30');
    expect(await results({ openNow: true })).to.deep.equal(['safe-space']);
  });

  it('measures distance from a named place and sorts nearest first', async () => {
    const el = await finder();
    el.state = { near: 'North End', sort: 'distance' };
    await el.updateComplete;
    expect(cardIds(el).slice(0, 2)).to.deep.equal(['art-club', 'youth-football']);
    expect(cards(el)[0]!.distance).to.be.closeTo(1.11, 0.01);
    el.state = { near: 'North End', within: 1.609 };
    await el.updateComplete;
    expect(cardIds(el)).to.have.members(['art-club', 'debt-advice', 'safe-space']);
  });

  it('shows the postcode option only with a geocoder', async () => {
    const el = await finder();
    expect(el.shadowRoot!.querySelector('option[value=postcode]')).to.equal(null);
    el.geocoder = 'https://geocoder.invalid/postcodes/';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('option[value=postcode]')).to.not.equal(null);
  });

  it('keeps its state in the URL with sync-url', async () => {
    history.replaceState(null, '', '?q=walking&free=yes&unrelated=1');
    const el = await finder(html`<hub-asset-finder sync-url .feed=${sampleDecoded()}></hub-asset-finder>`);
    expect(el.state.q).to.equal('walking');
    expect(cardIds(el)).to.deep.equal(['walking-group']);
    el.state = { ...el.state, day: 'tue' };
    await waitUntil(() => location.search.includes('day=tue'), 'URL not updated', { timeout: 2000 });
    expect(new URLSearchParams(location.search).get('unrelated')).to.equal('1');
  });

  it('lets every result add itself to a plan (hub-plan-add reaches the document)', async () => {
    const el = await finder();
    const button = cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=plan-button]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'hub-plan-add');
    expect(event.detail).to.deep.equal({ assetId: 'art-club', name: 'Canal Art Club' });
  });

  it('links cards to asset pages on the hub site by default', async () => {
    const el = await finder();
    const link = cards(el)[0]!.shadowRoot!.querySelector<HTMLAnchorElement>('[part=name] a')!;
    expect(link.href).to.equal('https://test-town.example.org/assets/art-club/');
  });

  it('highlights a result chosen elsewhere', async () => {
    const el = await finder();
    await el.highlight('safe-space');
    expect(cards(el).find((c) => c.asset!.id === 'safe-space')!.selected).to.equal(true);
  });

  it('renders only a window of a 20,000-asset feed and shows more on request', async () => {
    const el = await finder(html`<hub-asset-finder page-size="20" .feed=${decodeFeed(syntheticFeed(20000))}></hub-asset-finder>`);
    expect(count(el)).to.equal('20,000 results');
    expect(cards(el)).to.have.length(20);
    $<HTMLButtonElement>(el, '.more button').click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(40);
    await type(el, 'choir');
    expect(cards(el).length).to.be.at.most(20);
    expect(cards(el).every((c) => c.asset!.name.includes('Choir'))).to.equal(true);
  });

  it('gives a search typed as soon as the feed loads the same results as once the index is complete', async () => {
    const doc = syntheticFeed(5000);
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder src=${feedUrl(doc)}></hub-asset-finder>`);
    const events: string[][] = [];
    el.addEventListener('hub-results-change', (e) => events.push((e as unknown as { detail: { ids: string[] } }).detail.ids));
    await oneEvent(el, 'hub-feed-load');
    // At once, before the background indexing has run.
    el.state = { q: 'walkign clu' };
    await el.updateComplete;
    const early = events.at(-1);
    el.state = {};
    await el.updateComplete;
    await aTimeout(500);
    el.state = { q: 'walkign clu' };
    await el.updateComplete;
    expect(early).to.have.length.above(10);
    expect(events.at(-1)).to.deep.equal(early);
  });

  it('searches every asset when a search is typed the moment the feed loads', async () => {
    const doc = syntheticFeed(3000);
    const el = await fixture<HubAssetFinder>(html`<hub-asset-finder src=${feedUrl(doc)}></hub-asset-finder>`);
    el.addEventListener('hub-feed-load', () => {
      el.state = { q: 'chess' };
    });
    await oneEvent(el, 'hub-feed-load');
    await el.updateComplete;
    const chess = decodeFeed(doc).assets.filter((a) => /chess/i.test(`${a.name} ${a.summary}`));
    expect(chess).to.have.length.above(100);
    expect(el.results.map((a) => a.id)).to.have.members(chess.map((a) => a.id));
  });

  it('is accessible in the dark theme and right to left', async () => {
    for (const template of [
      html`<hub-asset-finder theme="dark" style="background:#1b1d1e" .feed=${sampleDecoded()}></hub-asset-finder>`,
      html`<hub-asset-finder dir="rtl" .feed=${sampleDecoded()}></hub-asset-finder>`,
    ]) {
      const el = await finder(template);
      await aTimeout(0);
      await expect(el).to.be.accessible();
    }
  });
});
