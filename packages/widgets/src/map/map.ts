import type { DecodedFeed, FeedAsset } from '@townhub/schema/feed';
import type * as Leaflet from 'leaflet';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { HubAssetFinder } from '../asset-finder/asset-finder.js';
import { inheritedAttribute } from '../internal/dom.js';
import { HubAssetSelectEvent, type HubResultsChangeEvent } from '../internal/events.js';
import { fetchFeed } from '../internal/feed-loader.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import type { Group, Places } from './clusters.js';
import { styles } from './map.styles.js';
import { strings } from './strings.js';

type Lazy = typeof import('./leaflet-loader.js');
/** One marker or cluster as drawn: its place in layer pixels and what it stands for. */
interface Target {
  key: number;
  x: number;
  y: number;
  size: number;
  lat: number;
  lng: number;
  /** Points it stands for. */
  count: number;
  /** The asset, for a single point; -1 for a cluster. */
  index: number;
  /** The zoom at which it comes apart (the closest of the clusters merged into it). */
  expand: number;
  /** Whether single points were merged into it (they cannot expand further). */
  points: boolean;
  /** Its row of the reading order. */
  row: number;
}
type Box = [left: number, top: number, right: number, bottom: number];

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
const MAX_ZOOM = 18;
/** Marker size in CSS pixels: above the 24 × 24 minimum target size of WCAG 2.2 (2.5.8). */
const MARKER = 28;
const clusterSize = (n: number) => (n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48);
/** The first target that a target of `size` at x, y would overlap. Plain loops here and in draw: a zoom step then allocates little. */
function overlapping(placed: Target[], x: number, y: number, size: number): Target | undefined {
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i] as Target;
    const reach = (a.size + size) / 2;
    if (Math.abs(a.x - x) < reach && Math.abs(a.y - y) < reach) return a;
  }
  return undefined;
}

/**
 * @tag hub-map
 * @summary The assets on a map: clustered so 20,000 stay quick, every marker and cluster reachable by keyboard with a
 * name, and a selected asset shown as a card.
 *
 * Leaflet loads only when the map scrolls into view. With `for="<finder id>"` the map shows the finder's results and a
 * selection highlights the finder's card; otherwise give it `src` or `.feed`. No map tiles are needed for it to work.
 * Markers and clusters never overlap: at most zoom levels overlapping ones merge into a cluster; at the closest zoom,
 * places at the same spot are spread around it.
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
  /** Asset positions by id, made when first needed. */
  private idIndex?: Map<string, number>;
  private lazy?: Promise<Lazy>;
  private lib?: Lazy;
  private map?: Leaflet.Map;
  private pane?: HTMLElement;
  /** The places shown, projected for clustering (once Leaflet's chunk is here). */
  private places?: Places;
  private fitted = false;
  private drawing = false;
  /**
   * The drawn targets by element, and the elements by target key (kept and reused between draws), with the two maps of
   * the draw before, cleared and refilled by the next draw: a zoom step allocates little, so rarely waits for the GC.
   */
  private drawn = new Map<HTMLElement, Target>();
  private elements = new Map<number, HTMLElement>();
  private lastDrawn = new Map<HTMLElement, Target>();
  private lastElements = new Map<number, HTMLElement>();
  private free: HTMLElement[] = [];
  /** Map controls (zoom buttons, attribution), in container pixels: no target is drawn under them. */
  private controls: Box[] = [];
  /** After zooming into a cluster from the keyboard, focus goes to the target nearest this place. */
  private refocus?: Leaflet.LatLngTuple;
  private finder?: HubAssetFinder;
  private intersection?: IntersectionObserver;
  private resize?: ResizeObserver;
  private abort?: AbortController;

  /** Resolves when Leaflet has drawn the current set for the first time (for tests and benchmarks). */
  get ready(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.map && this.places ? resolve() : setTimeout(check, 16));
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
    // Leaflet 1.9 ends a zoom animation in a timeout that fails once the map is removed: end it now.
    const animating = this.map as (Leaflet.Map & { _animatingZoom?: boolean; _onZoomTransitionEnd?(): void }) | undefined;
    if (animating?._animatingZoom) animating._onZoomTransitionEnd?.();
    this.map?.remove();
    this.map = undefined;
    this.drawn.clear();
    this.elements.clear();
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

  private indexOf(id: string): number | undefined {
    this.idIndex ??= new Map(this.data?.assets.map((a, i) => [a.id, i]));
    return this.idIndex.get(id);
  }

  /** Shows `ids` (or every asset) from the feed. */
  private setData(feed: DecodedFeed, ids?: readonly string[]) {
    if (feed !== this.data) {
      this.data = feed;
      this.idIndex = undefined;
    }
    this.visible = ids ? ids.map((id) => this.indexOf(id)).filter((i): i is number => i !== undefined) : undefined;
    this.selectedIndex = -1;
    const { assets } = feed;
    const { visible } = this;
    let n = 0;
    for (let i = 0, count = visible ? visible.length : assets.length; i < count; i++)
      n += (assets[visible ? (visible[i] as number) : i] as FeedAsset).points.length;
    this.shownCount = n;
    this.drawn.clear(); // names may differ for the same keys
    this.places = undefined;
    this.indexPoints();
  }

  /** The Leaflet chunk, loaded once. */
  private loadLazy(): Promise<Lazy> {
    this.lazy ??= import('./leaflet-loader.js');
    return this.lazy;
  }

  /** Projects the places for clustering (once Leaflet's chunk is here), fits the first set into view and draws it. */
  private indexPoints() {
    const { map, data, lib } = this;
    if (!map || !data || !lib) return;
    const places = lib.toPlaces(data.assets, this.visible);
    this.places = places;
    if (!this.fitted) {
      this.fitted = true;
      this.drawing = true;
      const b = places.bounds ?? data.hub.bounds;
      // Padding keeps the outermost markers clear of the edges and the zoom buttons.
      if (b)
        map.fitBounds(
          [
            [b.south, b.west],
            [b.north, b.east],
          ],
          { padding: [48, 48], maxZoom: 15, animate: false },
        );
      this.drawing = false;
    }
    this.draw();
  }

  private async loadLeaflet() {
    const lib = await this.loadLazy();
    if (!this.isConnected) return;
    this.lib = lib;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(lib.leafletCss);
    this.shadowRoot!.adoptedStyleSheets = [sheet, ...this.shadowRoot!.adoptedStyleSheets];
    const { L } = lib;
    const map = L.map(this.container, { zoomControl: true, keyboard: true, attributionControl: true, zoomSnap: 1, maxZoom: MAX_ZOOM });
    map.attributionControl.setPrefix(false);
    if (this.tileUrl) L.tileLayer(this.tileUrl, { attribution: this.attribution, maxZoom: 19 }).addTo(map);
    map.setView([52.48, -1.9], 11);
    // One pane of our own elements instead of a Leaflet marker per place; hidden while a zoom animates.
    const pane = map.createPane('hub-targets');
    pane.classList.add('leaflet-zoom-hide', 'targets');
    pane.style.zIndex = '600';
    pane.addEventListener('click', (event) => {
      // A drag that ends over a marker is not a choice.
      if (!(map.dragging as Leaflet.Handler & { moved(): boolean }).moved()) this.activate(event);
    });
    pane.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      this.activate(event);
    });
    pane.addEventListener('dblclick', (event) => event.stopPropagation());
    this.pane = pane;
    this.map = map;
    this.measureControls();
    map.on('moveend', () => this.draw());
    this.resize = new ResizeObserver(() => {
      this.measureControls();
      map.invalidateSize();
    });
    this.resize.observe(this.container);
    this.loaded = true;
    this.indexPoints();
  }

  private measureControls() {
    const outer = this.container.getBoundingClientRect();
    this.controls = [...this.container.querySelectorAll('.leaflet-control')].flatMap((control) => {
      const r = control.getBoundingClientRect();
      return r.width && r.height ? [[r.left - outer.left, r.top - outer.top, r.right - outer.left, r.bottom - outer.top] as Box] : [];
    });
  }

  /**
   * Lays out the clusters and markers in view and updates their elements: a few hundred at most, whatever the number
   * of assets. Targets that would overlap merge into one cluster (or, at the closest zoom, spread around the spot), so
   * each keeps at least 28 × 28 px of its own; targets that would be cut off by the edge or sit under a control wait
   * until the view moves.
   */
  private draw() {
    const { map, places, pane, data, lib } = this;
    if (!map || !places || !pane || !lib || !data || this.drawing) return;
    const zoom = map.getZoom();
    const spread = Math.round(zoom) >= MAX_ZOOM;
    const origin = map.containerPointToLayerPoint([0, 0]);
    const { x: width, y: height } = map.getSize();
    const { min, max } = map.getPixelBounds();
    // Clusters and single places in view (at the closest zoom, every place on its own), the biggest first.
    const found = lib.groups(places, zoom, { left: min!.x, top: min!.y, right: max!.x, bottom: max!.y }, map.getPixelOrigin(), spread);
    const placed: Target[] = [];
    for (let i = 0; i < found.length; i++) {
      const group = found[i] as Group;
      const cluster = group.place < 0;
      const size = cluster ? clusterSize(group.count) : MARKER;
      let x = group.x;
      let y = group.y;
      let hit = overlapping(placed, x, y, size);
      if (hit && !spread) {
        hit.count += group.count;
        if (cluster) hit.expand = Math.min(hit.expand, group.expand);
        else hit.points = true;
        hit.index = -1;
        continue;
      }
      // Places at the same spot at the closest zoom: step out along a spiral until there is room.
      for (let step = 1; hit && step < 500; step++) {
        x = group.x + size * 0.6 * Math.sqrt(step) * Math.cos(step * 2.4);
        y = group.y + size * 0.6 * Math.sqrt(step) * Math.sin(step * 2.4);
        hit = overlapping(placed, x, y, size);
      }
      const left = x - origin.x - size / 2;
      const top = y - origin.y - size / 2;
      if (hit || left < 0 || top < 0 || left + size > width || top + size > height || this.underControl(left, top, left + size, top + size)) continue;
      const index = cluster ? -1 : (places.asset[group.place] as number);
      // Tab order follows reading order: rows from the top, each in the direction of the text.
      const row = Math.floor((y - origin.y) / MARKER);
      placed.push({ key: group.key, x, y, size, lat: group.lat, lng: group.lng, count: group.count, index, expand: group.expand, points: false, row });
    }
    const inline = inheritedAttribute(this, 'dir') === 'rtl' ? -1 : 1;
    placed.sort((a, b) => a.row - b.row || inline * (a.x - b.x));
    this.updateTargets(placed, data);
  }

  /** Whether a box (in container pixels) overlaps a map control. */
  private underControl(left: number, top: number, right: number, bottom: number): boolean {
    const { controls } = this;
    for (let i = 0; i < controls.length; i++) {
      const box = controls[i] as Box;
      if (left < box[2] && right > box[0] && top < box[3] && bottom > box[1]) return true;
    }
    return false;
  }

  /**
   * Brings the target elements in line with `placed`, touching only what changed. A target keeps its element while it
   * stays in view; new targets take the other elements in tree order, so few have to move.
   */
  private updateTargets(placed: Target[], data: DecodedFeed) {
    const pane = this.pane as HTMLElement;
    const t = this.localize.t;
    const active = this.shadowRoot!.activeElement as HTMLElement | null;
    const { drawn: previous, elements: before, free } = this;
    const elements = this.lastElements;
    const drawn = this.lastDrawn;
    elements.clear();
    drawn.clear();
    for (let i = 0; i < placed.length; i++) {
      const { key } = placed[i] as Target;
      const el = before.get(key);
      if (el) elements.set(key, el);
    }
    free.length = 0;
    for (let el = pane.firstElementChild as HTMLElement | null; el; el = el.nextElementSibling as HTMLElement | null) {
      const shown = previous.get(el);
      if (el !== active && !(shown && elements.get(shown.key) === el)) free.push(el);
    }
    let cursor = pane.firstElementChild;
    let next = 0;
    for (let i = 0; i < placed.length; i++) {
      const target = placed[i] as Target;
      let el = elements.get(target.key);
      if (!el) {
        el = free[next++] ?? this.createTarget();
        elements.set(target.key, el);
      }
      const last = previous.get(el);
      const single = target.index >= 0;
      const className = `leaflet-marker-icon leaflet-interactive ${single ? `hub-marker${target.index === this.selectedIndex ? ' selected' : ''}` : 'hub-cluster'}`;
      if (el.className !== className) el.className = className;
      if (last?.index !== target.index || last.count !== target.count) {
        const shown = target.count > 999 ? `${Math.round(target.count / 1000)}k` : String(target.count);
        el.setAttribute('aria-label', single ? (data.assets[target.index] as FeedAsset).name : t.cluster(target.count, shown));
        el.textContent = single ? '' : shown;
      }
      if (last?.size !== target.size) el.style.width = el.style.height = `${target.size}px`;
      if (last?.x !== target.x || last.y !== target.y || last.size !== target.size)
        el.style.transform = `translate(${target.x - target.size / 2}px,${target.y - target.size / 2}px)`;
      if (cursor === el) cursor = el.nextElementSibling;
      else pane.insertBefore(el, cursor);
      drawn.set(el, target);
    }
    while (cursor) {
      const after = cursor.nextElementSibling;
      cursor.remove();
      cursor = after;
    }
    free.length = 0;
    this.lastElements = before;
    this.lastDrawn = previous;
    this.elements = elements;
    this.drawn = drawn;
    // Moving an element in the tree blurs it: give focus back.
    if (active?.isConnected && active.parentElement === pane && this.shadowRoot!.activeElement !== active) active.focus({ preventScroll: true });
    if (this.refocus && this.map) {
      const { x, y } = this.map.latLngToLayerPoint(this.refocus);
      this.refocus = undefined;
      let nearest: [HTMLElement, number] | undefined;
      for (const [el, target] of drawn) {
        const d = (target.x - x) ** 2 + (target.y - y) ** 2;
        if (!nearest || d < nearest[1]) nearest = [el, d];
      }
      nearest?.[0].focus({ preventScroll: true });
    }
  }

  private createTarget(): HTMLElement {
    const el = document.createElement('div');
    el.setAttribute('role', 'button');
    el.tabIndex = 0;
    return el;
  }

  /** A marker selects its asset; a cluster zooms in until its places come apart. */
  private activate(event: Event) {
    const el = (event.target as Element).closest<HTMLElement>('.leaflet-marker-icon');
    const target = el && this.drawn.get(el);
    const { map } = this;
    if (!target || !map) return;
    if (target.index >= 0) return this.select(target.index);
    const zoom = Math.round(map.getZoom());
    const expand = target.points ? zoom + 1 : target.expand;
    if (this.shadowRoot!.activeElement === el) this.refocus = [target.lat, target.lng];
    map.setView([target.lat, target.lng], Math.min(MAX_ZOOM, Math.max(zoom + 1, expand)));
  }

  /** Selects an asset: shows its card and tells the finder (and the page). */
  select(index: number): void {
    const asset = this.data?.assets[index];
    if (!asset) return;
    this.selectedIndex = index;
    void this.loadLazy(); // brings the card's definition
    this.draw();
    this.emit(new HubAssetSelectEvent({ assetId: asset.id, source: 'map' }));
    void this.finder?.highlight(asset.id);
  }

  /** Selects an asset by id. */
  selectId(assetId: string): void {
    const index = this.indexOf(assetId);
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
