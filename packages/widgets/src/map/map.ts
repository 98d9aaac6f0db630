import type { DecodedFeed, FeedAsset } from '@townhub/schema/feed';
import type * as Leaflet from 'leaflet';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { HubAssetFinder } from '../asset-finder/asset-finder.js';
import { HubAssetSelectEvent, type HubResultsChangeEvent } from '../internal/events.js';
import { fetchFeed } from '../internal/feed-loader.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { styles } from './map.styles.js';
import { strings } from './strings.js';

type LeafletModule = typeof import('./leaflet-loader.js');
interface PointProps {
  /** Position of the asset in the feed. */
  index: number;
}

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * @tag hub-map
 * @summary The assets on a map: clustered so 20,000 stay quick, every marker and cluster reachable by keyboard with a
 * name, and a selected asset shown as a card.
 *
 * Leaflet loads only when the map scrolls into view. With `for="<finder id>"` the map shows the finder's results and a
 * selection highlights the finder's card; otherwise give it `src` or `.feed`. No map tiles are needed for it to work.
 *
 * @event hub-asset-select - A place was chosen on the map. `detail: { assetId, source: 'map' }`.
 *
 * @csspart base - The outer box.
 * @csspart map - The map area.
 * @csspart list-link - The link that skips to the list alternative.
 *
 * @cssproperty --hub-map-height - Height of the map (default 28rem).
 */
export class HubMap extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, buttonStyles, visuallyHidden, styles];

  /** Id of a `<hub-asset-finder>` on the same page: the map then shows its results. */
  @property() for = '';

  /** URL of a hub feed, when the map is used without a finder. */
  @property() src = '';

  /** A decoded feed, instead of `src` or `for`. */
  @property({ attribute: false }) feed?: DecodedFeed;

  /** Tile URL template; set it to an empty string for a map without tiles. */
  @property({ attribute: 'tile-url' }) tileUrl = OSM_TILES;

  /** Attribution for the tiles (HTML written by the page author, never from data). */
  @property() attribution = OSM_ATTRIBUTION;

  /** Where the "list of results" link points; defaults to the finder named by `for`. */
  @property({ attribute: 'list-href' }) listHref = '';

  /** Base URL for asset page links in the selected card; defaults to the feed's `siteUrl`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  @state() private selectedIndex = -1;
  @state() private shownCount = 0;
  @state() private loaded = false;

  @query('.map') private container!: HTMLDivElement;

  private readonly localize = new LocalizeController(this, strings);
  private data?: DecodedFeed;
  private visible?: number[];
  private leaflet?: LeafletModule;
  private map?: Leaflet.Map;
  private layer?: Leaflet.LayerGroup;
  private clusters?: Supercluster<PointProps>;
  private finder?: HubAssetFinder;
  private intersection?: IntersectionObserver;
  private resize?: ResizeObserver;
  private abort?: AbortController;

  /** Resolves when Leaflet has drawn the current set for the first time (for tests and benchmarks). */
  get ready(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.map && this.clusters ? resolve() : setTimeout(check, 16));
      check();
    });
  }

  /** The asset selected on the map, if any. */
  get selected(): FeedAsset | undefined {
    return this.data?.assets[this.selectedIndex];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connectFinder();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.intersection?.disconnect();
    this.resize?.disconnect();
    this.abort?.abort();
    this.finder?.removeEventListener('hub-results-change', this.onResults);
    this.finder = undefined;
    this.map?.remove();
    this.map = undefined;
  }

  protected override firstUpdated(): void {
    // Leaflet (about 40 KB) loads only once the map is about to scroll into view.
    this.intersection = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.intersection?.disconnect();
          void this.loadLeaflet();
        }
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.connectFinder();
    if (changed.has('feed') && this.feed) this.setData(this.feed);
    if (changed.has('src') && this.src && !this.feed && !this.for) void this.loadSrc();
  }

  private async loadSrc() {
    this.abort?.abort();
    this.abort = new AbortController();
    try {
      this.setData(await fetchFeed(this.src, this.abort.signal));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('<hub-map> could not load its feed.', error);
    }
  }

  private connectFinder() {
    if (!this.isConnected) return;
    this.finder?.removeEventListener('hub-results-change', this.onResults);
    this.finder = undefined;
    if (!this.for) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const finder = root.getElementById?.(this.for) as HubAssetFinder | null;
    if (!finder) {
      // The finder may come later in the page.
      requestAnimationFrame(() => !this.finder && this.isConnected && (this.getRootNode() as Document).getElementById?.(this.for) && this.connectFinder());
      return;
    }
    this.finder = finder;
    finder.addEventListener('hub-results-change', this.onResults);
    const feed = finder.loadedFeed;
    if (feed)
      this.setData(
        feed,
        finder.results.map((a) => a.id),
      );
  }

  private readonly onResults = (event: HubResultsChangeEvent) => {
    const feed = this.finder?.loadedFeed;
    if (feed) this.setData(feed, event.detail.ids);
  };

  /** Shows `ids` (or every asset) from the feed. */
  private setData(feed: DecodedFeed, ids?: readonly string[]) {
    if (feed !== this.data) {
      this.data = feed;
      this.idIndex = new Map(feed.assets.map((a, i) => [a.id, i]));
    }
    this.visible = ids ? ids.map((id) => this.idIndex.get(id)).filter((i): i is number => i !== undefined) : undefined;
    this.selectedIndex = -1;
    this.indexPoints();
  }

  private idIndex = new Map<string, number>();

  private indexPoints() {
    const assets = this.data?.assets ?? [];
    const indices = this.visible ?? assets.map((_, i) => i);
    const points: PointFeature<PointProps>[] = [];
    for (const index of indices) {
      for (const p of (assets[index] as FeedAsset).points) {
        points.push({ type: 'Feature', properties: { index }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } });
      }
    }
    this.clusters = new Supercluster<PointProps>({ radius: 60, maxZoom: 17 }).load(points);
    this.shownCount = points.length;
    this.draw();
  }

  private async loadLeaflet() {
    const leaflet = await import('./leaflet-loader.js');
    this.leaflet = leaflet;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(leaflet.leafletCss);
    this.shadowRoot!.adoptedStyleSheets = [sheet, ...this.shadowRoot!.adoptedStyleSheets];
    const { L } = leaflet;
    const map = L.map(this.container, { zoomControl: true, keyboard: true, attributionControl: true, zoomSnap: 1 });
    map.attributionControl.setPrefix(false);
    if (this.tileUrl) L.tileLayer(this.tileUrl, { attribution: this.attribution, maxZoom: 19 }).addTo(map);
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    const b = this.data?.hub.bounds;
    if (b)
      map.fitBounds([
        [b.south, b.west],
        [b.north, b.east],
      ]);
    else map.setView([52.48, -1.9], 11);
    map.on('moveend', () => this.draw());
    this.resize = new ResizeObserver(() => map.invalidateSize());
    this.resize.observe(this.container);
    this.loaded = true;
    this.draw();
  }

  /** Draws the clusters and markers in view: a few hundred elements at most, whatever the number of assets. */
  private draw() {
    const { map, layer, clusters, leaflet, data } = this;
    if (!map || !layer || !clusters || !leaflet || !data) return;
    if (!this.fitted && data.hub.bounds) {
      this.fitted = true;
      const b = data.hub.bounds;
      map.fitBounds([
        [b.south, b.west],
        [b.north, b.east],
      ]);
    }
    const { L } = leaflet;
    const t = this.localize.t;
    const bounds = map.getBounds();
    const zoom = Math.round(map.getZoom());
    layer.clearLayers();
    for (const feature of clusters.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as PointProps & Partial<ClusterProperties>;
      const element = document.createElement('div');
      let marker: Leaflet.Marker;
      if (props.cluster) {
        const n = props.point_count as number;
        element.className = 'hub-cluster';
        element.textContent = n > 999 ? `${Math.round(n / 1000)}k` : String(n);
        const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
        marker = L.marker([lat, lng], { icon: L.divIcon({ html: element, className: '', iconSize: [size, size] }), keyboard: true });
        const zoomIn = () => map.setView([lat, lng], Math.min(clusters.getClusterExpansionZoom(props.cluster_id as number), 18));
        marker.on('click', zoomIn);
        marker.on('add', () => this.label(marker, t.cluster(n), zoomIn));
      } else {
        const asset = data.assets[props.index] as FeedAsset;
        element.className = `hub-marker${props.index === this.selectedIndex ? ' selected' : ''}`;
        marker = L.marker([lat, lng], { icon: L.divIcon({ html: element, className: '', iconSize: [28, 28] }), keyboard: true });
        const choose = () => this.select(props.index);
        marker.on('click', choose);
        marker.on('add', () => this.label(marker, asset.name, choose));
      }
      layer.addLayer(marker);
    }
  }

  private fitted = false;

  /** Makes a marker's element a named button that Enter and Space activate (Leaflet only opens popups on Enter). */
  private label(marker: Leaflet.Marker, name: string, activate: () => void) {
    const el = marker.getElement();
    if (!el) return;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', name);
    el.removeAttribute('title');
    el.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      activate();
    });
  }

  /** Selects an asset: shows its card and tells the finder (and the page). */
  select(index: number): void {
    const asset = this.data?.assets[index];
    if (!asset) return;
    this.selectedIndex = index;
    const hadFocus = this.shadowRoot?.activeElement?.classList.contains('leaflet-marker-icon');
    this.draw();
    // Markers are redrawn: keep keyboard focus on the chosen one.
    if (hadFocus) this.shadowRoot?.querySelector<HTMLElement>('.hub-marker.selected')?.parentElement?.focus();
    this.emit(new HubAssetSelectEvent({ assetId: asset.id, source: 'map' }));
    void this.finder?.highlight(asset.id);
  }

  /** Selects an asset by id. */
  selectId(assetId: string): void {
    const index = this.idIndex.get(assetId);
    if (index !== undefined) this.select(index);
  }

  override render() {
    const t = this.localize.t;
    const selected = this.selected;
    const listHref = this.listHref || (this.for ? `#${this.for}` : '');
    return html`<div part="base" class="base">
      ${listHref ? html`<a part="list-link" class="list-link" href=${listHref}>${t.listLink}</a>` : nothing}
      <p class="hint" id="hint">${t.keyboardHint}</p>
      <div part="map" class="map" role="region" aria-label=${this.data ? t.mapLabel(this.data.hub.name) : t.mapOf} aria-describedby="hint">
        ${this.loaded ? nothing : html`<p class="loading">${t.loading}</p>`}
      </div>
      <p class="visually-hidden" role="status">${this.data ? (this.shownCount ? t.shown(this.shownCount) : t.noPlaces) : ''}</p>
      ${
        selected
          ? html`<div class="panel" aria-label=${t.selected} role="group">
            <hub-asset-card .asset=${selected} base-url=${this.baseUrl || this.data?.hub.siteUrl || ''} selected></hub-asset-card>
            <button type="button" class="hub-button hub-button--secondary" @click=${() => {
              this.selectedIndex = -1;
              this.draw();
            }}>${t.close}</button>
          </div>`
          : nothing
      }
    </div>`;
  }
}
