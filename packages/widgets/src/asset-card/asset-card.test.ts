import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FeedAsset } from '@townhub/schema/feed';
import { sampleDecoded } from '../test/fixtures.js';
import type { HubAssetCard } from './asset-card.js';
import './define.js';
import { strings } from './strings.js';

const assets = sampleDecoded().assets;
const asset = (id: string) => assets.find((a) => a.id === id) as FeedAsset;
const text = (el: HubAssetCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<hub-asset-card>', () => {
  it('shows name, kind, summary, schedule in words, cost, age and access, and is accessible', async () => {
    const el = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('walking-group')}></hub-asset-card>`);
    const t = text(el);
    expect(t).to.contain('Ladywood Walking Group');
    expect(t).to.contain('Group');
    expect(t).to.contain('A gentle walk around the reservoir');
    expect(t).to.contain('Every Tuesday, 10:00–12:00');
    expect(t).to.contain('Free');
    expect(t).to.contain('18 and over');
    expect(t).to.contain('Step-free access');
    expect(t).to.contain('Seating available');
    await expect(el).to.be.accessible();
  });

  it('shows price, several days, areas and appointments in words', async () => {
    const art = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('art-club')}></hub-asset-card>`);
    expect(text(art)).to.contain('Every Wednesday and Friday, 18:00–20:00');
    expect(text(art)).to.contain('£3 a session');
    const debt = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('debt-advice')}></hub-asset-card>`);
    expect(text(debt)).to.contain('By appointment');
    expect(text(debt)).to.contain('Available across the area');
    expect(text(debt)).to.contain('Referral needed');
  });

  it('words dates and lists of days as Intl does in en-GB', () => {
    const t = strings['en-GB'];
    const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
    for (let month = 0; month < 12; month++) {
      const date = new Date(2026, month, 1 + month * 2, 12);
      expect(t.event(`2026-${String(month + 1).padStart(2, '0')}-${String(1 + month * 2).padStart(2, '0')}`)).to.equal(longDate.format(date));
    }
    expect(t.event('2026-12-05T10:00', '2026-12-05T15:00')).to.equal('Saturday 5 December, 10:00–15:00');
    expect(t.event('2026-12-05T10:00', '2026-12-06T15:00')).to.equal('Saturday 5 December, 10:00');
    const list = new Intl.ListFormat('en-GB', { type: 'conjunction' });
    for (const days of [['Monday'], ['Monday', 'Friday'], ['Monday', 'Wednesday', 'Friday', 'Sunday']])
      expect(t.weekly(days, '10:00', '12:00')).to.equal(`Every ${list.format(days)}, 10:00–12:00`);
  });

  it('lists the next three one-off events soonest first, leaving out those that have ended', async () => {
    const events = [
      { start: '2026-12-12T10:00', end: '2026-12-12T12:00' },
      { start: '2026-11-30T10:00', end: '2026-11-30T11:00' },
      { start: '2026-12-05T09:30' },
      { start: '2026-12-05' },
      { start: '2027-01-09T10:00' },
    ];
    const el = await fixture<HubAssetCard>(
      html`<hub-asset-card .asset=${{ ...asset('walking-group'), weekly: [], events }} .now=${new Date('2026-12-01T09:00')}></hub-asset-card>`,
    );
    const lines = [...el.shadowRoot!.querySelectorAll('dd span')].map((s) => s.textContent);
    expect(lines.slice(0, 3)).to.deep.equal(['Saturday 5 December', 'Saturday 5 December, 09:30', 'Saturday 12 December, 10:00–12:00']);
  });

  it('shows distance in miles when known', async () => {
    const el = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('lunch-club')} distance="1.609"></hub-asset-card>`);
    expect(text(el)).to.contain('1.0 mile away');
  });

  it('links the name to the asset page only when base-url is set', async () => {
    const el = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('walking-group')}></hub-asset-card>`);
    expect(el.shadowRoot!.querySelector('[part=name] a')).to.equal(null);
    el.baseUrl = 'https://test-town.example.org/hub';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=name] a')!.href).to.equal('https://test-town.example.org/hub/assets/walking-group/');
  });

  it('renders hostile text as text and drops unsafe links', async () => {
    const hostile: FeedAsset = {
      ...asset('walking-group'),
      name: '<img src=x onerror="window.hacked=1">Evil',
      summary: '<script>window.hacked=1</script>',
      website: 'javascript:window.hacked=1',
      booking: 'data:text/html,<script>alert(1)</script>',
    };
    const el = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${hostile} base-url="javascript:alert(1)//"></hub-asset-card>`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(el)).to.contain('<img src=x');
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((h) => /^(https?|tel|mailto):/.test(h ?? ''))).to.equal(true);
    expect(hrefs).to.include('tel:01214960000');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('emits hub-plan-add with the asset id and name', async () => {
    const el = await fixture<HubAssetCard>(html`<hub-asset-card .asset=${asset('lunch-club')}></hub-asset-card>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=plan-button]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'hub-plan-add');
    expect(event.detail).to.deep.equal({ assetId: 'lunch-club', name: 'Friday Lunch Club' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('is accessible selected, in the dark theme and right to left', async () => {
    for (const template of [
      html`<hub-asset-card selected .asset=${asset('art-club')}></hub-asset-card>`,
      html`<hub-asset-card theme="dark" style="background:#1b1d1e" .asset=${asset('safe-space')}></hub-asset-card>`,
      html`<hub-asset-card dir="rtl" .asset=${asset('youth-football')}></hub-asset-card>`,
    ]) {
      const el = await fixture<HubAssetCard>(template);
      await expect(el).to.be.accessible();
    }
  });
});
