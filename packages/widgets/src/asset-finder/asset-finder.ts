import type { DecodedFeed, FeedAsset } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS } from '@townhub/schema/vocabulary';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { HubAssetSelectEvent, HubFeedErrorEvent, HubFeedLoadEvent, HubResultsChangeEvent } from '../internal/events.js';
import { fetchFeed } from '../internal/feed-loader.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { inBackground, sortInSlices, yieldToMain } from '../internal/tasks.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { styles } from './asset-finder.styles.js';
import type { FilterPanel, PanelContext } from './filter-panel.js';
import { activeFilters, emptyFilters, type FilterState, type Vocabulary, withoutFilter } from './filters.js';
import { SearchIndex, tokenize } from './search-index.js';
import { strings } from './strings.js';

/** A loaded feed with everything searching needs. */
interface Prepared {
  feed: DecodedFeed;
  index: SearchIndex;
  /** Each category label's words, for suggestions. */
  labelWords: string[][];
  /** Position of each asset in name order. */
  nameRank: Int32Array;
  /** Asset positions in name order. */
  nameOrder: Int32Array;
  /** Each asset's id. */
  ids: string[];
}

interface Suggestion {
  label: string;
  kind: 'asset' | 'category';
  value: string;
}

const VOCABULARY: Vocabulary = { kinds: ASSET_KINDS, days: DAYS, features: ACCESSIBILITY_FEATURES };
/** Packs a sort key above an asset's name rank (ranks stay below 2^21). */
const RANK = 2 ** 21;
/** New cards drawn per task: a first page of results drawn at once is a long task on a slow phone. */
const DRAW_STEP = 3;

/**
 * Sorts the names once (in slices: no long task) and sets up the search index, which fills after the first results are
 * on screen (`SearchIndex.over`: a search before then indexes the rest at once, so it gets the same results).
 */
async function prepare(feed: DecodedFeed, signal: AbortSignal): Promise<Prepared> {
  const byId = new Map(feed.categories.map((c) => [c.id, c]));
  // A narrow category is found by its broad parent's words too ("safety" finds "domestic abuse").
  const labels = new Map(feed.categories.map((c) => [c.id, `${c.label} ${c.parent ? (byId.get(c.parent)?.label ?? '') : ''}`]));
  const index = SearchIndex.over(feed.assets, labels);
  // Plain lower-case keys: a collator over 20,000 names would take far longer.
  const keys = feed.assets.map((a) => a.name.toLowerCase());
  const order = await sortInSlices(keys, signal);
  const nameRank = new Int32Array(order.length);
  order.forEach((assetIndex, rank) => {
    nameRank[assetIndex] = rank;
  });
  return {
    feed,
    index,
    labelWords: feed.categories.map((c) => tokenize(c.label)),
    nameRank,
    nameOrder: Int32Array.from(order),
    ids: feed.assets.map((a) => a.id),
  };
}

/**
 * @tag hub-asset-finder
 * @summary Search and filter a hub's community assets: keywords with suggestions, topic, type, day and time, open now,
 * cost, age, accessibility, how to get in and distance.
 *
 * Give it a feed with `src` (a hub's `/feed.json`) or the `.feed` property. Until the feed is ready, and if it fails to
 * load, the element's own content (for example a plain list of services) stays on show.
 *
 * @slot - Fallback content shown while the feed loads or if it cannot be loaded.
 *
 * @event hub-feed-load - The feed is loaded and searchable. `detail: { assetCount }`.
 * @event hub-feed-error - The feed could not be loaded. `detail: { message }`.
 * @event hub-results-change - The results changed. `detail: { ids, total }` (ids in display order).
 * @event hub-plan-add - "Add to my plan" was pressed on a result. `detail: { assetId, name }`.
 *
 * @csspart base - The finder's outer box.
 * @csspart search - The search form.
 * @csspart filters - The filters disclosure.
 * @csspart count - The result count.
 * @csspart results - The list of results.
 */
export class HubAssetFinder extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, buttonStyles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    src: {},
    feed: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    geocoder: {},
    pageSize: { type: Number, attribute: 'page-size' },
    now: { attribute: false },
    ...Object.fromEntries(
      [
        'filters',
        'prepared',
        'panel',
        'failed',
        'resultIndices',
        'shown',
        'suggestions',
        'activeSuggestion',
        'suggestionsOpen',
        'selectedId',
        'origin',
        'locationMessage',
        'announcement',
      ].map((name) => [name, { state: true }]),
    ),
  };

  /** URL of a hub feed (`feed.json`). Fetched with an abort signal; a new value cancels the previous load. */
  src = '';

  /** A decoded feed (from `decodeFeed`), instead of `src`. */
  feed?: DecodedFeed;

  /** Base URL of the hub site for links to asset pages; defaults to the feed's `siteUrl`. */
  baseUrl = '';

  /** Keep the search and filters in the page URL, so a search can be bookmarked and shared. */
  syncUrl = false;

  /**
   * A postcodes.io-compatible endpoint (e.g. `https://api.postcodes.io/postcodes/`) for "distance from a postcode".
   * Off by default: without it, no postcode is ever sent anywhere.
   */
  geocoder = '';

  /** How many results to show at first and with each "Show more". */
  pageSize = 20;

  /** The moment "open now" is measured at; the current time when unset. */
  now?: Date;

  private filters: FilterState = emptyFilters();
  private prepared?: Prepared;
  private failed = false;
  private resultIndices: Int32Array = new Int32Array(0);
  private shown = 0;
  /** Result cards in the last render; more are added a few per task until `shown` are. */
  private drawn = 0;
  private suggestions: Suggestion[] = [];
  private activeSuggestion = -1;
  private suggestionsOpen = false;
  private selectedId = '';
  private origin?: { lat: number; lng: number };
  private locationMessage = '';
  private announcement = '';

  /** The filters' controls and test, loaded after the feed (see filter-panel.ts). */
  private panel?: FilterPanel;
  private panelImport?: Promise<void>;
  /** What `updateComplete` waits for once the feed is ready: the idle load of the filters, or an earlier one. */
  private panelReady?: Promise<void>;
  private readonly localize = new LocalizeController(this, strings);
  private distances?: Float64Array;
  private loading?: AbortController;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private urlTimer?: ReturnType<typeof setTimeout>;
  private sentinelObserver?: IntersectionObserver;
  private urlModule?: Promise<typeof import('./url-state.js')>;
  private urlRead?: Promise<void>;

  /** The loaded feed, once ready. */
  get loadedFeed(): DecodedFeed | undefined {
    return this.prepared?.feed;
  }

  /** The current results, in display order. */
  get results(): FeedAsset[] {
    const assets = this.prepared?.feed.assets ?? [];
    return Array.from(this.resultIndices, (i) => assets[i] as FeedAsset);
  }

  /** The current search and filters. */
  get state(): Readonly<FilterState> {
    return this.filters;
  }

  /** Replaces the search and filters (missing keys are cleared). */
  set state(value: Partial<FilterState>) {
    this.filters = { ...emptyFilters(), ...value };
  }

  /** Marks one result as selected (for example from a map), shows it and scrolls it into view. */
  async highlight(assetId: string): Promise<void> {
    this.selectedId = assetId;
    const position = this.results.findIndex((a) => a.id === assetId);
    if (position >= this.shown) this.shown = position + 1;
    await this.updateComplete;
    const card = this.renderRoot.querySelector(`hub-asset-card[data-id="${CSS.escape(assetId)}"]`);
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  /** Loads the feed again after a failure. */
  retry(): void {
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.urlRead = this.readUrl();
    window.addEventListener('popstate', this.readUrl);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.readUrl);
    this.sentinelObserver?.disconnect();
    clearTimeout(this.announceTimer);
    clearTimeout(this.urlTimer);
  }

  /** Fetches (or takes) the feed and prepares it; a newer load aborts this one. */
  private async load() {
    this.loading?.abort();
    this.loading = new AbortController();
    const { signal } = this.loading;
    const { src, feed } = this;
    this.prepared = undefined;
    this.shown = this.drawn = 0;
    this.failed = false;
    try {
      const decoded = feed ?? (src ? await fetchFeed(src, signal) : undefined);
      if (decoded) {
        const prepared = await prepare(decoded, signal);
        // A search in the page URL applies before the first results, with the filters' code when it uses them.
        await this.urlRead;
        if (activeFilters(this.filters).length) await this.loadPanel();
        // The first results search for those words: index first, in slices.
        if (this.filters.q.trim()) await prepared.index.complete(signal);
        // The first results render in a task of their own, not on the end of the feed's last rows.
        await yieldToMain();
        if (signal.aborted) return;
        this.prepared = prepared;
        // Else index in background tasks (behind input and rendering) once the first results are on screen.
        await inBackground();
        await prepared.index.complete(signal, inBackground);
      }
    } catch (error) {
      if (signal.aborted) return;
      this.failed = true;
      this.emit(new HubFeedErrorEvent({ message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Loads the filters' code: at once when needed, else when the page is idle after the feed. */
  private loadPanel(): Promise<void> {
    this.panelImport ??= import('./filter-panel.js').then(
      ({ FilterPanel }) => {
        this.panel = new FilterPanel(this);
      },
      () => {
        // Offline before it loaded: try again on the next use.
        this.panelImport = undefined;
      },
    );
    this.panelReady ??= this.panelImport;
    return this.panelImport;
  }

  /** Resolves once rendering is done, including the filters once the feed is ready. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.panelReady && !this.panel) {
      await this.panelReady;
      done = await super.getUpdateComplete();
    }
    while (this.drawing) {
      await yieldToMain();
      if (!this.isUpdatePending) this.requestUpdate();
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Whether some shown results are not drawn yet. */
  private get drawing(): boolean {
    return this.drawn < this.shown;
  }

  /** The URL form of the filters, loaded the first time `sync-url` needs it. */
  private urlState() {
    this.urlModule ??= import('./url-state.js');
    return this.urlModule;
  }

  private readonly readUrl = async () => {
    if (!this.syncUrl) return;
    const { fromParams } = await this.urlState();
    this.filters = fromParams(new URLSearchParams(location.search), emptyFilters(), VOCABULARY);
  };

  private writeUrl() {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(async () => (await this.urlState()).writeUrl(this.filters), 300);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) void this.load();
    const prepared = this.prepared;
    if (changed.has('prepared' as keyof HubAssetFinder) && prepared) {
      this.panelReady ??= new Promise((resolve) => {
        const load = () => resolve(this.loadPanel());
        // Idle, but soon: the filters should be there before anyone reaches for them.
        if ('requestIdleCallback' in globalThis) requestIdleCallback(load, { timeout: 2000 });
        else setTimeout(load, 200);
      });
      this.distances = undefined;
      this.updateOrigin();
      this.computeResults();
      this.emit(new HubFeedLoadEvent({ assetCount: prepared.feed.assets.length }));
    }
    if (changed.has('filters' as keyof HubAssetFinder)) {
      const before = changed.get('filters' as keyof HubAssetFinder) as FilterState | undefined;
      if (!before || before.near !== this.filters.near) this.updateOrigin();
      if (prepared) this.computeResults();
      if (this.syncUrl && before) this.writeUrl();
    }
    if ((changed.has('origin' as keyof HubAssetFinder) || (changed.has('panel' as keyof HubAssetFinder) && activeFilters(this.filters).length)) && prepared) {
      this.computeDistances();
      this.computeResults();
    }
  }

  protected override updated(): void {
    if (this.drawing) void yieldToMain().then(() => this.requestUpdate());
    const sentinel = this.renderRoot.querySelector('.sentinel');
    this.sentinelObserver?.disconnect();
    if (sentinel) {
      this.sentinelObserver ??= new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.showMore();
        },
        { rootMargin: '600px' },
      );
      this.sentinelObserver.observe(sentinel);
    }
  }

  // ---------------------------------------------------------------------------
  // Searching

  /** Sets the origin for a named place; my-location and postcode set it when they resolve. */
  private updateOrigin() {
    const near = this.filters.near;
    if (near === 'my-location' || near === 'postcode') return;
    const place = near ? this.prepared?.feed.hub.places.find((p) => p.name === near) : undefined;
    const origin = place ? { lat: place.lat, lng: place.lng } : undefined;
    if (origin?.lat !== this.origin?.lat || origin?.lng !== this.origin?.lng) this.origin = origin;
    else if (this.prepared && !this.distances && origin) this.computeDistances();
  }

  /** An origin comes only from a filter, so distances are worked out by the filters' code (recomputed when it arrives). */
  private computeDistances() {
    const origin = this.origin;
    this.distances = origin && this.panel ? this.panel.distances(origin, this.prepared?.feed.assets ?? []) : undefined;
  }

  /** Runs the search and filters; the hot path on every keystroke. */
  private computeResults() {
    const prepared = this.prepared;
    if (!prepared) return;
    const { assets } = prepared.feed;
    const f = this.filters;
    if (this.origin && !this.distances) this.computeDistances();
    const distances = this.origin ? this.distances : undefined;
    const ranked = prepared.index.rank(f.q);
    // No keywords: the assets in name order, so no sort is needed.
    let out = ranked ?? prepared.nameOrder;
    if (activeFilters(f).length > 0) {
      // Results follow once the filters' code is in (it is usually loaded already).
      if (!this.panel) return void this.loadPanel();
      const test = this.panel.filter(f, prepared.feed, this.now ?? new Date(), distances);
      const kept = new Int32Array(out.length);
      let n = 0;
      for (const i of out) if (test(assets[i] as FeedAsset, i)) kept[n++] = i;
      out = kept.subarray(0, n);
    }
    const rank = prepared.nameRank;
    if ((f.sort === 'distance' && distances) || (f.sort === 'name' && ranked)) {
      // Native numeric sorts of packed keys: distance in metres (or name rank alone), then name rank.
      const keys = Float64Array.from(out, (i) => {
        const d = distances?.[i] as number;
        return (f.sort === 'name' ? 0 : Number.isFinite(d) ? Math.round(d * 1000) : 1e9) * RANK + (rank[i] as number);
      }).sort();
      out = Int32Array.from(keys, (key) => prepared.nameOrder[key % RANK] as number);
    }
    this.resultIndices = out;
    this.shown = Math.min(out.length, this.pageSize);
    this.suggestions = this.suggest(ranked);
    this.activeSuggestion = -1;
    this.scheduleAnnouncement();
    // Ids from a flat list, not from 20,000 asset objects scattered in memory.
    const ids = new Array<string>(out.length);
    for (let n = 0; n < out.length; n++) ids[n] = prepared.ids[out[n] as number] as string;
    this.emit(new HubResultsChangeEvent({ ids, total: assets.length }));
  }

  private suggest(ranked: Int32Array | undefined): Suggestion[] {
    const prepared = this.prepared;
    const words = tokenize(this.filters.q);
    if (!prepared || !ranked || words.length === 0 || this.filters.q.trim().length < 2) return [];
    const t = this.localize.t;
    const suggestions: Suggestion[] = [];
    prepared.feed.categories.forEach((c, i) => {
      const label = prepared.labelWords[i] as string[];
      if (suggestions.length < 2 && !this.filters.categories.includes(c.id) && words.every((w) => label.some((l) => l.startsWith(w)))) {
        suggestions.push({ label: t.suggestionCategory(c.label), kind: 'category', value: c.id });
      }
    });
    const seen = new Set<string>();
    for (const i of ranked) {
      if (suggestions.length >= 6) break;
      const name = (prepared.feed.assets[i] as FeedAsset).name;
      if (!seen.has(name)) suggestions.push({ label: name, kind: 'asset', value: name });
      seen.add(name);
    }
    return suggestions;
  }

  /** Announces the count once typing pauses, so a screen reader is not interrupted on every key. */
  private scheduleAnnouncement() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const t = this.localize.t;
      const n = this.resultIndices.length;
      this.announcement = n === 0 ? t.noResults : t.results(n, this.prepared?.feed.assets.length ?? 0);
    }, 700);
  }

  private showMore() {
    this.shown = Math.min(this.resultIndices.length, this.shown + this.pageSize);
  }

  private setFilters(patch: Partial<FilterState>) {
    this.filters = { ...this.filters, ...patch };
  }

  // ---------------------------------------------------------------------------
  // Combobox

  private onSearchInput(event: InputEvent) {
    this.setFilters({ q: (event.target as HTMLInputElement).value });
    this.suggestionsOpen = true;
  }

  private onSearchKeydown(event: KeyboardEvent) {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        this.suggestionsOpen = true;
        this.activeSuggestion = (this.activeSuggestion + 1) % count;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.suggestionsOpen = true;
        this.activeSuggestion = this.activeSuggestion <= 0 ? count - 1 : this.activeSuggestion - 1;
        break;
      case 'Enter': {
        event.preventDefault();
        const chosen = this.suggestionsOpen ? this.suggestions[this.activeSuggestion] : undefined;
        if (chosen) this.choose(chosen);
        else this.suggestionsOpen = false;
        break;
      }
      case 'Escape':
        if (this.suggestionsOpen && count > 0) {
          event.preventDefault();
          this.suggestionsOpen = false;
          this.activeSuggestion = -1;
        } else if (this.filters.q) {
          event.preventDefault();
          this.setFilters({ q: '' });
        }
        break;
    }
  }

  private choose(suggestion: Suggestion) {
    if (suggestion.kind === 'category') this.setFilters({ q: '', categories: [...this.filters.categories, suggestion.value] });
    else this.setFilters({ q: suggestion.value });
    this.suggestionsOpen = false;
    this.activeSuggestion = -1;
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
  }

  // ---------------------------------------------------------------------------
  // Rendering

  /** What the filters panel reads and changes. */
  private panelContext(feed: DecodedFeed): PanelContext {
    const f = this.filters;
    return {
      t: this.localize.t,
      pick: (table) => this.localize.pick(table),
      vocabulary: VOCABULARY,
      filters: f,
      active: activeFilters(f),
      relax: (key) => {
        this.filters = key ? withoutFilter(f, key) : { ...emptyFilters(), q: f.q, sort: f.sort };
      },
      feed,
      geocoder: this.geocoder,
      message: this.locationMessage,
      set: (patch) => this.setFilters(patch),
      place: (message, origin) => {
        this.locationMessage = message;
        if (origin !== undefined) this.origin = origin ?? undefined;
      },
    };
  }

  private renderSearch() {
    const t = this.localize.t;
    const open = this.suggestionsOpen && this.suggestions.length > 0;
    return html`<form role="search" part="search" class="search" @submit=${(e: Event) => e.preventDefault()}>
      <label for="q" class="label">${t.searchLabel}</label>
      <p id="q-hint" class="hint">${t.searchHint}</p>
      <div class="combobox">
        <input
          id="q"
          type="search"
          autocomplete="off"
          spellcheck="false"
          role="combobox"
          aria-autocomplete="list"
          aria-describedby="q-hint"
          aria-controls="suggestions"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this.activeSuggestion >= 0 ? `suggestion-${this.activeSuggestion}` : nothing}
          .value=${this.filters.q}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
          @focus=${() => {
            this.suggestionsOpen = true;
          }}
          @blur=${() => {
            this.suggestionsOpen = false;
          }}
        />
        <ul id="suggestions" role="listbox" aria-label=${t.suggestions} ?hidden=${!open}>
          ${this.suggestions.map(
            (s, i) =>
              html`<li id="suggestion-${i}" role="option" class=${s.kind} aria-selected=${i === this.activeSuggestion ? 'true' : 'false'} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(s)}>${s.label}</li>`,
          )}
        </ul>
      </div>
      <p class="visually-hidden" role="status">${open ? t.suggestionsAvailable(this.suggestions.length) : ''}</p>
    </form>`;
  }

  private renderResults(prepared: Prepared) {
    const t = this.localize.t;
    const { assets } = prepared.feed;
    const n = this.resultIndices.length;
    const baseUrl = this.baseUrl || prepared.feed.hub.siteUrl;
    const distances = this.origin ? this.distances : undefined;
    const cards = [];
    this.drawn = Math.min(this.shown, this.drawn + DRAW_STEP);
    // Not keyed: cards are reused with a new asset, far cheaper than creating new ones per keystroke.
    for (let position = 0; position < this.drawn; position++) {
      const asset = assets[this.resultIndices[position] as number] as FeedAsset;
      const d = distances?.[this.resultIndices[position] as number];
      cards.push(
        html`<li aria-setsize=${n} aria-posinset=${position + 1}><hub-asset-card data-id=${asset.id} .asset=${asset} .distance=${d !== undefined && Number.isFinite(d) ? d : undefined} .now=${this.now} base-url=${baseUrl} heading-level="3" ?selected=${asset.id === this.selectedId} @click=${() => this.emit(new HubAssetSelectEvent({ assetId: asset.id, source: 'finder' }))}></hub-asset-card></li>`,
      );
    }
    return html`<div class="bar">
        <p part="count" class="count" id="count">${t.results(n, assets.length)}</p>
        <div class="field sort">
          <label for="sort">${t.sortBy}</label>
          <select id="sort" @change=${(e: Event) => this.setFilters({ sort: (e.target as HTMLSelectElement).value as FilterState['sort'] })}>
            ${(['relevance', 'distance', 'name'] as const).map(
              (sort) =>
                html`<option value=${sort} ?selected=${sort === this.filters.sort} ?disabled=${sort === 'distance' && !distances}>${t.sorts[sort]}</option>`,
            )}
          </select>
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        n === 0
          ? html`<div class="empty">
              <p><strong>${t.noResults}</strong></p>
              ${this.panel?.renderRelax(this.panelContext(prepared.feed))}
            </div>`
          : html`<ol part="results" class="results" aria-labelledby="count">${cards}</ol>
            ${
              this.shown < n && this.drawn === this.shown
                ? html`<div class="more">
                  <button type="button" class="hub-button hub-button--secondary" @click=${this.showMore}>${t.showMore(n - this.shown)}</button>
                  <div class="sentinel"></div>
                </div>`
                : nothing
            }`
      }`;
  }

  override render() {
    const t = this.localize.t;
    const prepared = this.prepared;
    if (this.failed) {
      return html`<div part="base" class="base">
        <div class="error" role="alert">
          <p><strong>${t.loadFailed}</strong></p>
          <button type="button" class="hub-button" @click=${this.retry}>${t.retry}</button>
        </div>
        <slot></slot>
      </div>`;
    }
    if (!prepared) {
      return html`<div part="base" class="base" aria-busy="true">
        <p class="loading" role="status">${t.loading}</p>
        <slot></slot>
      </div>`;
    }
    const panel = this.panel;
    return html`<div part="base" class="base" @change=${(e: Event) => panel?.onChange(this.panelContext(prepared.feed), e)}>
      ${prepared.feed.hub.exampleData ? html`<p class="example">${t.exampleData}</p>` : nothing}
      ${this.renderSearch()}
      <details part="filters" class="filters" @toggle=${() => this.loadPanel()}>
        <summary>${t.filtersActive(activeFilters(this.filters).length)}</summary>
        ${
          // Typing changes only the keywords: the filters' many controls are not re-rendered for it.
          guard(
            [prepared, panel, t, this.geocoder, this.locationMessage, ...Object.entries(this.filters).filter(([key]) => key !== 'q' && key !== 'sort')].flat(),
            () => panel?.render(this.panelContext(prepared.feed)),
          )
        }
      </details>
      ${this.renderResults(prepared)}
    </div>`;
  }
}
