import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HubAssetFinder } from '../asset-finder/asset-finder.js';
import '../asset-finder/define.js';
import { decodeFeed } from '@townhub/schema/feed';
import { sampleDecoded, syntheticFeed } from '../test/fixtures.js';
import type { HubMap } from './map.js';
import './define.js';

const markers = (el: HubMap) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
const names = (el: HubMap) => markers(el).map((m) => m.getAttribute('aria-label'));
type LeafletMap = { setView(c: [number, number], z: number, o?: object): void; setZoom(z: number, o?: object): void; getZoom(): number; getMaxZoom(): number };
const leafletMap = (el: HubMap) => (el as unknown as { map: LeafletMap }).map;

/** Problems with the drawn targets: smaller than 24 × 24 px, cut off by the map's edge, or overlapping another. */
function targetProblems(el: HubMap): string[] {
  const box = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
  const rects = markers(el).map((m) => [m.getAttribute('aria-label'), m.getBoundingClientRect()] as const);
  const problems: string[] = [];
  for (const [i, [name, r]] of rects.entries()) {
    if (r.width < 24 || r.height < 24) problems.push(`${name}: ${r.width}×${r.height}`);
    if (r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom) problems.push(`${name}: outside the map`);
    for (const [other, o] of rects.slice(i + 1)) {
      if (r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) problems.push(`${name} overlaps ${other}`);
    }
  }
  return problems;
}

/** axe's WCAG 2.2 target-size rule (off in axe's default set), on the element. */
async function targetSizeViolations(el: HTMLElement): Promise<string[]> {
  await expect(el).to.be.accessible({ ignoredRules: ['region'] }); // also loads axe
  const axe = (window as unknown as { axe: { run(e: Element, o: object): Promise<{ violations: { nodes: { html: string }[] }[] }> } }).axe;
  const result = await axe.run(el, { runOnly: ['target-size'], resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => n.html));
}

async function loadedMap(template = html`<hub-map tile-url="" .feed=${sampleDecoded()}></hub-map>`) {
  const el = await fixture<HubMap>(template);
  await el.ready;
  await waitUntil(() => markers(el).length > 0, 'no markers drawn', { timeout: 10000 });
  return el;
}

describe('<hub-map>', () => {
  it('loads Leaflet when in view, adopts its CSS in the shadow root and draws named, focusable markers', async () => {
    const el = await loadedMap();
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelector('.leaflet-tile')).to.equal(null);
    for (const marker of markers(el)) {
      expect(marker.getAttribute('role')).to.equal('button');
      expect(marker.tabIndex).to.equal(0);
      expect(marker.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
    }
    // Area-wide and online assets have no place on the map; the four others do (some may be clustered).
    expect(names(el).join(' ')).to.match(/Walking|places here/);
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('clusters nearby places into one named, keyboard-operable cluster that zooms in', async () => {
    const el = await loadedMap();
    const map = (el as unknown as { map: { setZoom(z: number, o?: object): void; getZoom(): number } }).map;
    map.setZoom(3, { animate: false });
    await waitUntil(() => names(el).some((n) => n?.includes('places here')), 'no cluster', { timeout: 5000 });
    const cluster = markers(el).find((m) => m.getAttribute('aria-label')!.includes('places here'))!;
    expect(cluster.getAttribute('aria-label')).to.equal('4 places here. Select to zoom in.');
    cluster.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => map.getZoom() > 3, 'did not zoom in', { timeout: 5000 });
  });

  it('selects a marker by keyboard, shows the asset card and emits hub-asset-select', async () => {
    const el = await loadedMap();
    leafletMap(el).setView([52.481, -1.921], 16, { animate: false });
    await waitUntil(() => names(el).includes('Ladywood Walking Group'), 'marker not shown', { timeout: 5000 });
    const marker = markers(el).find((m) => m.getAttribute('aria-label') === 'Ladywood Walking Group')!;
    marker.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'hub-asset-select');
    expect(event.detail).to.deep.equal({ assetId: 'walking-group', source: 'map' });
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('hub-asset-card')!;
    expect(card.asset!.id).to.equal('walking-group');
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('follows a finder: shows its results, links to the list, and highlights the chosen card', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <hub-asset-finder id="finder" .feed=${sampleDecoded()}></hub-asset-finder>
      <hub-map for="finder" tile-url=""></hub-map>
    </div>`);
    const finder = wrapper.querySelector<HubAssetFinder>('hub-asset-finder')!;
    const el = wrapper.querySelector<HubMap>('hub-map')!;
    el.scrollIntoView();
    await el.ready;
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=list-link]')!.getAttribute('href')).to.equal('#finder');
    finder.state = { categories: ['arts-and-creativity'] };
    await finder.updateComplete;
    await waitUntil(() => names(el).length === 1 && names(el)[0] === 'Canal Art Club', 'map did not follow the finder', { timeout: 5000 });
    el.selectId('art-club');
    await finder.updateComplete;
    const card = finder.shadowRoot!.querySelector('hub-asset-card[data-id=art-club]') as HTMLElement & { selected: boolean };
    expect(card.selected).to.equal(true);
  });

  it('keeps 20,000 places as separate targets of at least 24 × 24 px that never overlap, at every zoom', async () => {
    const el = await loadedMap(html`<hub-map tile-url="" .feed=${decodeFeed(syntheticFeed(20000))}></hub-map>`);
    const map = leafletMap(el);
    const start = map.getZoom();
    for (const zoom of [start, start + 1, start + 2, start + 4, map.getMaxZoom(), start - 1]) {
      map.setView([52.48, -1.92], zoom, { animate: false });
      expect(markers(el).length, `zoom ${zoom}`).to.be.greaterThan(0);
      expect(targetProblems(el), `zoom ${zoom}`).to.deep.equal([]);
    }
    map.setView([52.48, -1.92], start, { animate: false });
    expect(await targetSizeViolations(el)).to.deep.equal([]);
  });

  it('spreads places at the same spot apart at the closest zoom, each one its own named target', async () => {
    const feed = sampleDecoded();
    const spot = { lat: 52.481, lng: -1.921 };
    feed.assets = feed.assets.slice(0, 3).map((a, i) => ({ ...a, id: `same-${i}`, name: `Same spot ${i}`, points: [spot] }));
    const el = await loadedMap(html`<hub-map tile-url="" .feed=${feed}></hub-map>`);
    const map = leafletMap(el);
    expect(names(el)).to.deep.equal(['3 places here. Select to zoom in.']);
    map.setView([spot.lat, spot.lng], map.getMaxZoom(), { animate: false });
    expect([...names(el)].sort()).to.deep.equal(['Same spot 0', 'Same spot 1', 'Same spot 2']);
    expect(targetProblems(el)).to.deep.equal([]);
    expect(await targetSizeViolations(el)).to.deep.equal([]);
  });

  it('keeps a focused marker (the same element) while the map moves', async () => {
    const el = await loadedMap();
    const map = leafletMap(el);
    map.setView([52.481, -1.921], 15, { animate: false });
    const marker = markers(el).find((m) => m.getAttribute('aria-label') === 'Ladywood Walking Group')!;
    marker.focus();
    map.setView([52.4812, -1.9205], 15, { animate: false });
    expect(el.shadowRoot!.activeElement).to.equal(marker);
    expect(marker.isConnected).to.equal(true);
  });

  it('fits a single place into view, clear of the edges and the zoom buttons', async () => {
    const feed = sampleDecoded();
    feed.assets = feed.assets.filter((a) => a.id === 'walking-group');
    const el = await loadedMap(html`<hub-map tile-url="" style="--hub-map-height: 15rem" .feed=${feed}></hub-map>`);
    expect(names(el)).to.deep.equal(['Ladywood Walking Group']);
    expect(targetProblems(el)).to.deep.equal([]);
    expect(await targetSizeViolations(el)).to.deep.equal([]);
  });

  it('is accessible in the dark theme and right to left', async () => {
    for (const template of [
      html`<hub-map theme="dark" tile-url="" .feed=${sampleDecoded()}></hub-map>`,
      html`<hub-map dir="rtl" tile-url="" .feed=${sampleDecoded()}></hub-map>`,
    ]) {
      const el = await loadedMap(template);
      await expect(el).to.be.accessible({ ignoredRules: ['region'] });
    }
  });
});
