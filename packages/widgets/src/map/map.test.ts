import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HubAssetFinder } from '../asset-finder/asset-finder.js';
import '../asset-finder/define.js';
import { sampleDecoded } from '../test/fixtures.js';
import type { HubMap } from './map.js';
import './define.js';

const markers = (el: HubMap) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
const names = (el: HubMap) => markers(el).map((m) => m.getAttribute('aria-label'));

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
    (el as unknown as { map: { setZoom(z: number, o?: object): void } }).map.setZoom(16, { animate: false });
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
