import type { DecodedFeed, FeedAsset } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS } from '@townhub/schema/vocabulary';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { HubAssetSelectEvent, HubFeedErrorEvent, HubFeedLoadEvent, HubResultsChangeEvent } from '../internal/events.js';
import { fetchFeed } from '../internal/feed-loader.js';
import { distanceKm } from '../internal/geo.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { TIME_OF_DAY } from '../internal/schedule.js';
import { sortInSlices } from '../internal/tasks.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { styles } from './asset-finder.styles.js';
import { activeFilters, categoryDescendants, emptyFilters, type FilterState, prepareFilter, withoutFilter } from './filters.js';
import { SearchIndex, tokenize } from './search-index.js';
import { strings } from './strings.js';

/** A loaded feed with everything searching needs. */
interface Prepared {
  feed: DecodedFeed;
  index: SearchIndex;
  descendants: Map<string, Set<string>>;
  /** Each category label's words, for suggestions. */
  labelWords: string[][];
  /** Position of each asset in name order. */
  nameRank: Int32Array;
  /** Asset positions in name order. */
  nameOrder: Int32Array;
}

interface Suggestion {
  label: string;
  kind: 'asset' | 'category';
  value: string;
}

const KM_PER_MILE = 1.609344;
const MILES = [1, 2, 5, 10];
/** Packs a sort key above an asset's name rank (ranks stay below 2^21). */
const RANK = 2 ** 21;

/** Indexes a decoded feed in slices (no long task), and sorts the names once. */
async function prepare(feed: DecodedFeed, signal: AbortSignal): Promise<Prepared> {
  const byId = new Map(feed.categories.map((c) => [c.id, c]));
  // A narrow category is found by its broad parent's words too ("safety" finds "domestic abuse").
  const labels = new Map(feed.categories.map((c) => [c.id, `${c.label} ${c.parent ? (byId.get(c.parent)?.label ?? '') : ''}`]));
  const index = await SearchIndex.build(feed.assets, labels, signal);
  // Plain lower-case keys: a collator over 20,000 names would take far longer.
  const keys = feed.assets.map((a) => a.name.toLowerCase());
  const order = await sortInSlices(
    Array.from(keys.keys()),
    (a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b),
    signal,
  );
  const nameRank = new Int32Array(order.length);
  order.forEach((assetIndex, rank) => {
    nameRank[assetIndex] = rank;
  });
  return {
    feed,
    index,
    descendants: categoryDescendants(feed.categories),
    labelWords: feed.categories.map((c) => tokenize(c.label)),
    nameRank,
    nameOrder: Int32Array.from(order),
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

  /** URL of a hub feed (`feed.json`). Fetched with an abort signal; a new value cancels the previous load. */
  @property() src = '';

  /** A decoded feed (from `decodeFeed`), instead of `src`. */
  @property({ attribute: false }) feed?: DecodedFeed;

  /** Base URL of the hub site for links to asset pages; defaults to the feed's `siteUrl`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Keep the search and filters in the page URL, so a search can be bookmarked and shared. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * A postcodes.io-compatible endpoint (e.g. `https://api.postcodes.io/postcodes/`) for "distance from a postcode".
   * Off by default: without it, no postcode is ever sent anywhere.
   */
  @property() geocoder = '';

  /** How many results to show at first and with each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The moment "open now" is measured at; the current time when unset. */
  @property({ attribute: false }) now?: Date;

  @state() private filters: FilterState = emptyFilters();
  @state() private prepared?: Prepared;
  @state() private failed = false;
  @state() private resultIndices: Int32Array = new Int32Array(0);
  @state() private shown = 0;
  @state() private suggestions: Suggestion[] = [];
  @state() private activeSuggestion = -1;
  @state() private suggestionsOpen = false;
  @state() private selectedId = '';
  @state() private origin?: { lat: number; lng: number };
  @state() private locationMessage = '';
  @state() private announcement = '';

  @query('#q') private searchInput!: HTMLInputElement;

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
    this.failed = false;
    try {
      const decoded = feed ?? (src ? await fetchFeed(src, signal) : undefined);
      if (decoded) {
        const prepared = await prepare(decoded, signal);
        // A search in the page URL applies before the first results.
        await this.urlRead;
        if (!signal.aborted) this.prepared = prepared;
      }
    } catch (error) {
      if (signal.aborted) return;
      this.failed = true;
      this.emit(new HubFeedErrorEvent({ message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** The URL form of the filters, loaded the first time `sync-url` needs it. */
  private urlState() {
    this.urlModule ??= import('./url-state.js');
    return this.urlModule;
  }

  private readonly readUrl = async () => {
    if (!this.syncUrl) return;
    const { fromParams } = await this.urlState();
    this.filters = fromParams(new URLSearchParams(location.search));
  };

  private writeUrl() {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(async () => {
      const { PARAM_NAMES, toParams } = await this.urlState();
      const url = new URL(location.href);
      for (const name of PARAM_NAMES) url.searchParams.delete(name);
      for (const [name, value] of toParams(this.filters)) url.searchParams.set(name, value);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    }, 300);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) void this.load();
    const prepared = this.prepared;
    if (changed.has('prepared' as keyof HubAssetFinder) && prepared) {
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
    if (changed.has('origin' as keyof HubAssetFinder) && prepared) {
      this.computeDistances();
      this.computeResults();
    }
  }

  protected override updated(): void {
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

  private computeDistances() {
    const origin = this.origin;
    this.distances = origin
      ? Float64Array.from(this.prepared?.feed.assets ?? [], (asset) => Math.min(Number.POSITIVE_INFINITY, ...asset.points.map((p) => distanceKm(origin, p))))
      : undefined;
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
      const test = prepareFilter(f, { descendants: prepared.descendants, now: this.now ?? new Date(), distances });
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
    const ids = new Array<string>(out.length);
    for (let n = 0; n < out.length; n++) ids[n] = (assets[out[n] as number] as FeedAsset).id;
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
    this.searchInput?.focus();
  }

  // ---------------------------------------------------------------------------
  // Distance

  private onNearChange(event: Event) {
    const near = (event.target as HTMLSelectElement).value;
    this.locationMessage = '';
    this.setFilters({ near, ...(near ? {} : { within: 0, sort: this.filters.sort === 'distance' ? 'relevance' : this.filters.sort }) });
    if (near === 'my-location') this.locate();
    if (near === 'postcode') this.origin = undefined;
  }

  /** Asks the browser for the person's location: only ever after they chose "My location". */
  private async locate() {
    const t = this.localize.t;
    this.locationMessage = t.locating;
    try {
      this.origin = await (await import('./location.js')).currentPosition();
      this.locationMessage = '';
    } catch {
      this.locationMessage = t.locationFailed;
    }
  }

  private async findPostcode(event: Event) {
    event.preventDefault();
    const postcode = this.renderRoot.querySelector<HTMLInputElement>('#postcode')?.value.trim() ?? '';
    if (!postcode || !this.geocoder) return;
    try {
      this.origin = await (await import('./location.js')).postcodePosition(this.geocoder, postcode);
      this.locationMessage = '';
    } catch {
      this.locationMessage = this.localize.t.postcodeFailed;
    }
  }

  // ---------------------------------------------------------------------------
  // Rendering

  /** One handler for every named filter control: checkbox lists toggle a value, other checkboxes are on or off. */
  private onFilterChange(event: Event) {
    const el = event.target as HTMLInputElement;
    const key = el.name as keyof FilterState;
    if (!key) return;
    const current = this.filters[key];
    let value: unknown = el.value;
    if (Array.isArray(current)) value = el.checked ? [...current, el.value] : current.filter((v) => v !== el.value);
    else if (el.type === 'checkbox') value = el.checked;
    else if (key === 'within') value = Number(el.value);
    this.setFilters({ [key]: value });
  }

  private check(name: string, id: string, label: string, checked: boolean, value = '') {
    return html`<div class="check"><input type="checkbox" id=${id} name=${name} .value=${value} .checked=${checked} /><label for=${id}>${label}</label></div>`;
  }

  private checks(key: 'categories' | 'kinds' | 'access', legend: string, values: readonly (readonly [string, string])[]) {
    const on = this.filters[key] as string[];
    return html`<fieldset><legend>${legend}</legend><div class="checks">${values.map(([value, label]) => this.check(key, `${key}-${value}`, label, on.includes(value), value))}</div></fieldset>`;
  }

  /** A labelled select; options are [value, label, disabled?]. */
  private select(id: string, label: string, options: (readonly [string | number, string, boolean?])[], current: string | number, extra: unknown = nothing) {
    return html`<div class="field ${id === 'sort' ? 'sort' : ''}"><label for=${id}>${label}</label><select id=${id} name=${id === 'near' ? '' : id} ?disabled=${id === 'within' && !this.filters.near} @change=${id === 'near' ? this.onNearChange : nothing}>
      ${options.map(([value, text, disabled]) => html`<option value=${value} ?selected=${value === current} ?disabled=${!!disabled}>${text}</option>`)}${extra}
    </select></div>`;
  }

  private clearButton() {
    return html`<button type="button" class="hub-button hub-button--link" @click=${() => this.setFilters({ ...emptyFilters(), q: this.filters.q, sort: this.filters.sort })}>${this.localize.t.clearFilters}</button>`;
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

  private renderFilters(prepared: Prepared) {
    const t = this.localize.t;
    const f = this.filters;
    const active = activeFilters(f).length;
    const within = MILES.map((m) => [Math.round(m * KM_PER_MILE * 1000) / 1000, t.withinMiles(m)] as const);
    return html`<details part="filters" class="filters">
      <summary>${t.filtersActive(active)}</summary>
      <div class="filter-body">
        ${this.checks(
          'categories',
          t.categories,
          prepared.feed.categories.map((c) => [c.id, c.label]),
        )}
        ${this.checks(
          'kinds',
          t.kind,
          ASSET_KINDS.map((k) => [k, t.kinds[k]]),
        )}
        <fieldset>
          <legend>${t.when}</legend>
          <div class="row">
            ${this.select('day', t.day, [['', t.anyDay], ...DAYS.map((d) => [d, t.days[d]] as const)], f.day)}
            ${this.select('time', t.timeOfDay, [['', t.anyTime], ...Object.keys(TIME_OF_DAY).map((k) => [k, t.times[k as keyof typeof t.times]] as const)], f.time)}
          </div>
          ${this.check('openNow', 'open-now', t.openNow, f.openNow)}
        </fieldset>
        <div class="row">
          ${this.check('free', 'free', t.freeOnly, f.free)}
          <div class="field">
            <label for="age">${t.age}</label>
            <p id="age-hint" class="hint">${t.ageHint}</p>
            <input
              id="age"
              class="age"
              type="number"
              inputmode="numeric"
              min="0"
              max="120"
              aria-describedby="age-hint"
              .value=${f.age === undefined ? '' : String(f.age)}
              @input=${(e: Event) => {
                const value = Number.parseInt((e.target as HTMLInputElement).value, 10);
                this.setFilters({ age: Number.isFinite(value) && value >= 0 ? value : undefined });
              }}
            />
          </div>
          ${this.select(
            'referral',
            t.referral,
            [
              ['', t.referralAny],
              ['self', t.referralSelf],
              ['referral', t.referralNeeded],
            ],
            f.referral,
          )}
        </div>
        ${this.checks(
          'access',
          t.accessibilityLegend,
          ACCESSIBILITY_FEATURES.map((a) => [a, t.accessibility[a]]),
        )}
        <fieldset>
          <legend>${t.distance}</legend>
          <div class="row">
            ${this.select(
              'near',
              t.near,
              [['', t.nowhere], ...prepared.feed.hub.places.map((p) => [p.name, p.name] as const), ['my-location', t.myLocation]],
              f.near,
              this.geocoder ? html`<option value="postcode" ?selected=${f.near === 'postcode'}>${t.postcode}</option>` : nothing,
            )}
            ${
              f.near === 'postcode' && this.geocoder
                ? html`<div class="field">
                  <label for="postcode">${t.postcodeLabel}</label>
                  <div class="inline">
                    <input id="postcode" class="postcode" autocomplete="postal-code" @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.findPostcode(e)} />
                    <button type="button" class="hub-button hub-button--secondary" @click=${this.findPostcode}>${t.findPostcode}</button>
                  </div>
                </div>`
                : nothing
            }
            ${this.select('within', t.within, [[0, t.anyDistance], ...within], within.find(([km]) => Math.abs(f.within - km) < 0.01)?.[0] ?? 0)}
          </div>
          <p class="message" role="status">${this.locationMessage}</p>
        </fieldset>
        ${active ? this.clearButton() : nothing}
      </div>
    </details>`;
  }

  private renderEmpty() {
    const t = this.localize.t;
    const f = this.filters;
    const relax = activeFilters(f);
    const item = (label: string, patch: Partial<FilterState>) =>
      html`<li><button type="button" class="hub-button hub-button--link" @click=${() => this.setFilters(patch)}>${label}</button></li>`;
    return html`<div class="empty">
      <p><strong>${t.noResults}</strong></p>
      ${
        relax.length || f.q
          ? html`<p>${t.relaxHeading}</p>
            <ul class="relax">
              ${f.q ? item(t.clearSearch(f.q), { q: '' }) : nothing}
              ${relax.map((key) => item(t.relax[key] ?? key, withoutFilter(f, key)))}
              ${relax.length > 1 ? html`<li>${this.clearButton()}</li>` : nothing}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderResults(prepared: Prepared) {
    const t = this.localize.t;
    const { assets } = prepared.feed;
    const n = this.resultIndices.length;
    const baseUrl = this.baseUrl || prepared.feed.hub.siteUrl;
    const distances = this.origin ? this.distances : undefined;
    const cards = [];
    // Not keyed: cards are reused with a new asset, far cheaper than creating new ones per keystroke.
    for (let position = 0; position < this.shown; position++) {
      const asset = assets[this.resultIndices[position] as number] as FeedAsset;
      const d = distances?.[this.resultIndices[position] as number];
      cards.push(
        html`<li aria-setsize=${n} aria-posinset=${position + 1}><hub-asset-card data-id=${asset.id} .asset=${asset} .distance=${d !== undefined && Number.isFinite(d) ? d : undefined} .now=${this.now} base-url=${baseUrl} heading-level="3" ?selected=${asset.id === this.selectedId} @click=${() => this.emit(new HubAssetSelectEvent({ assetId: asset.id, source: 'finder' }))}></hub-asset-card></li>`,
      );
    }
    return html`<div class="bar">
        <p part="count" class="count" id="count">${t.results(n, assets.length)}</p>
        ${this.select(
          'sort',
          t.sortBy,
          [
            ['relevance', t.sorts.relevance],
            ['distance', t.sorts.distance, !distances],
            ['name', t.sorts.name],
          ],
          this.filters.sort,
        )}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        n === 0
          ? this.renderEmpty()
          : html`<ol part="results" class="results" aria-labelledby="count">${cards}</ol>
            ${
              this.shown < n
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
    return html`<div part="base" class="base" @change=${this.onFilterChange}>
      ${prepared.feed.hub.exampleData ? html`<p class="example">${t.exampleData}</p>` : nothing}
      ${this.renderSearch()}
      ${
        // Typing changes only the keywords: the filters' many controls are not re-rendered for it.
        guard([prepared, t, this.geocoder, this.locationMessage, ...Object.entries(this.filters).filter(([key]) => key !== 'q' && key !== 'sort')].flat(), () =>
          this.renderFilters(prepared),
        )
      }
      ${this.renderResults(prepared)}
    </div>`;
  }
}
