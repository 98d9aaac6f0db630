import { initialState, Task, TaskStatus } from '@lit/task';
import type { DecodedFeed, FeedAsset, FeedPlace } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS } from '@townhub/schema/vocabulary';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HubAssetSelectEvent, HubFeedErrorEvent, HubFeedLoadEvent, HubResultsChangeEvent } from '../internal/events.js';
import { fetchFeed } from '../internal/feed-loader.js';
import { distanceKm } from '../internal/geo.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { TIME_OF_DAY } from '../internal/schedule.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { styles } from './asset-finder.styles.js';
import {
  activeFilters,
  categoryDescendants,
  emptyFilters,
  type FilterState,
  fromParams,
  PARAM_NAMES,
  prepareFilter,
  toParams,
  withoutFilter,
} from './filters.js';
import { SearchIndex, tokenize } from './search-index.js';
import { strings } from './strings.js';

/** A loaded feed with everything searching needs. */
interface Prepared {
  feed: DecodedFeed;
  index: SearchIndex;
  descendants: Map<string, Set<string>>;
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

const MILES = [1, 2, 5, 10];
const KM_PER_MILE = 1.609344;

async function prepare(feed: DecodedFeed, signal: AbortSignal): Promise<Prepared> {
  const byId = new Map(feed.categories.map((c) => [c.id, c]));
  // A narrow category is found by its broad parent's words too ("safety" finds "domestic abuse").
  const labels = new Map(feed.categories.map((c) => [c.id, `${c.label} ${c.parent ? (byId.get(c.parent)?.label ?? '') : ''}`]));
  const index = await SearchIndex.build(feed.assets, labels, signal);
  // Plain lower-case keys: a collator over 20,000 names would block input for a long moment.
  const keys = feed.assets.map((a) => a.name.toLowerCase());
  const order = Array.from(keys.keys()).sort((a, b) =>
    (keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b,
  );
  const nameRank = new Int32Array(order.length);
  order.forEach((assetIndex, rank) => {
    nameRank[assetIndex] = rank;
  });
  return { feed, index, descendants: categoryDescendants(feed.categories), nameRank, nameOrder: Int32Array.from(order) };
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
  @state() private resultIndices: number[] = [];
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
  /** The prepared feed the results were last computed for. */
  private prepared?: Prepared;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private urlTimer?: ReturnType<typeof setTimeout>;
  private sentinelObserver?: IntersectionObserver;

  private readonly data = new Task(this, {
    args: () => [this.src, this.feed] as const,
    task: async ([src, feed], { signal }) => {
      const decoded = feed ?? (src ? await fetchFeed(src, signal) : undefined);
      return decoded ? prepare(decoded, signal) : initialState;
    },
    onError: (error) => {
      if ((error as Error)?.name === 'AbortError') return;
      this.emit(new HubFeedErrorEvent({ message: error instanceof Error ? error.message : String(error) }));
    },
  });

  /** The loaded feed, once ready. */
  get loadedFeed(): DecodedFeed | undefined {
    return this.data.value?.feed;
  }

  /** The current results, in display order. */
  get results(): FeedAsset[] {
    const assets = this.data.value?.feed.assets ?? [];
    return this.resultIndices.map((i) => assets[i] as FeedAsset);
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
    void this.data.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.readUrl();
    window.addEventListener('popstate', this.readUrl);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.readUrl);
    this.sentinelObserver?.disconnect();
    clearTimeout(this.announceTimer);
    clearTimeout(this.urlTimer);
  }

  private readonly readUrl = () => {
    if (!this.syncUrl) return;
    this.filters = fromParams(new URLSearchParams(location.search));
  };

  private writeUrl() {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      const url = new URL(location.href);
      for (const name of PARAM_NAMES) url.searchParams.delete(name);
      for (const [name, value] of toParams(this.filters)) url.searchParams.set(name, value);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    }, 300);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const prepared = this.data.value;
    if (prepared && prepared !== this.prepared) {
      this.prepared = prepared;
      this.distances = undefined;
      this.updateOrigin();
      this.computeResults();
      this.emit(new HubFeedLoadEvent({ assetCount: prepared.feed.assets.length }));
    }
    if (changed.has('filters' as keyof HubAssetFinder)) {
      const before = changed.get('filters' as keyof HubAssetFinder) as FilterState | undefined;
      if (!before || before.near !== this.filters.near) this.updateOrigin();
      if (this.data.value) this.computeResults();
      if (this.syncUrl && before) this.writeUrl();
    }
    if (changed.has('origin' as keyof HubAssetFinder) && this.data.value) {
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

  private place(name: string): FeedPlace | undefined {
    return this.data.value?.feed.hub.places.find((p) => p.name === name);
  }

  /** Sets the origin for a named place; my-location and postcode set it when they resolve. */
  private updateOrigin() {
    const near = this.filters.near;
    if (near === 'my-location' || near === 'postcode') return;
    const place = near ? this.place(near) : undefined;
    const origin = place ? { lat: place.lat, lng: place.lng } : undefined;
    if (origin?.lat !== this.origin?.lat || origin?.lng !== this.origin?.lng) this.origin = origin;
    else if (this.data.value && !this.distances && origin) this.computeDistances();
  }

  private computeDistances() {
    const assets = this.data.value?.feed.assets ?? [];
    const origin = this.origin;
    if (!origin) {
      this.distances = undefined;
      return;
    }
    const out = new Float64Array(assets.length);
    assets.forEach((asset, i) => {
      let best = Number.POSITIVE_INFINITY;
      for (const point of asset.points) best = Math.min(best, distanceKm(origin, point));
      out[i] = best;
    });
    this.distances = out;
  }

  /** Runs the search and filters; the hot path on every keystroke. */
  private computeResults() {
    const prepared = this.data.value;
    if (!prepared) return;
    const { assets } = prepared.feed;
    const f = this.filters;
    if (this.origin && !this.distances) this.computeDistances();
    const distances = this.origin ? this.distances : undefined;
    const test = prepareFilter(f, { descendants: prepared.descendants, now: this.now ?? new Date(), distances });
    const hits = prepared.index.search(f.q);
    const out: number[] = [];
    if (hits) {
      for (const hit of hits) if (test(assets[hit.index] as FeedAsset, hit.index)) out.push(hit.index);
    } else {
      // No keywords: walk the assets in name order, so no sort is needed.
      for (const i of prepared.nameOrder) if (test(assets[i] as FeedAsset, i)) out.push(i);
    }
    const rank = prepared.nameRank;
    if (f.sort === 'distance' && distances) {
      out.sort((a, b) => (distances[a] as number) - (distances[b] as number) || (rank[a] as number) - (rank[b] as number));
    } else if (f.sort === 'name' && hits) {
      out.sort((a, b) => (rank[a] as number) - (rank[b] as number));
    }
    this.resultIndices = out;
    this.shown = Math.min(out.length, this.pageSize);
    this.suggestions = this.suggest(hits);
    this.activeSuggestion = -1;
    this.scheduleAnnouncement();
    this.emit(new HubResultsChangeEvent({ ids: out.map((i) => (assets[i] as FeedAsset).id), total: assets.length }));
  }

  private suggest(hits: { index: number }[] | undefined): Suggestion[] {
    const prepared = this.data.value;
    const words = tokenize(this.filters.q);
    if (!prepared || !hits || words.length === 0 || this.filters.q.trim().length < 2) return [];
    const t = this.localize.t;
    const categories = prepared.feed.categories
      .filter((c) => !this.filters.categories.includes(c.id))
      .filter((c) => {
        const label = tokenize(c.label);
        return words.every((w) => label.some((l) => l.startsWith(w)));
      })
      .slice(0, 2)
      .map((c) => ({ label: t.suggestionCategory(c.label), kind: 'category' as const, value: c.id }));
    const seen = new Set<string>();
    const names: Suggestion[] = [];
    for (const hit of hits) {
      const name = (prepared.feed.assets[hit.index] as FeedAsset).name;
      if (seen.has(name)) continue;
      seen.add(name);
      names.push({ label: name, kind: 'asset', value: name });
      if (names.length + categories.length >= 6) break;
    }
    return [...categories, ...names];
  }

  /** Announces the count once typing pauses, so a screen reader is not interrupted on every key. */
  private scheduleAnnouncement() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const t = this.localize.t;
      const total = this.data.value?.feed.assets.length ?? 0;
      const n = this.resultIndices.length;
      this.announcement = n === 0 ? t.noResults : t.results(n, total);
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
  private locate() {
    const t = this.localize.t;
    if (!('geolocation' in navigator)) {
      this.locationMessage = t.locationFailed;
      return;
    }
    this.locationMessage = t.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locationMessage = '';
        this.origin = { lat: position.coords.latitude, lng: position.coords.longitude };
      },
      () => {
        this.locationMessage = t.locationFailed;
      },
      { maximumAge: 300000, timeout: 15000 },
    );
  }

  private async findPostcode(event: Event) {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#postcode');
    const postcode = input?.value.trim() ?? '';
    const t = this.localize.t;
    if (!postcode || !this.geocoder) return;
    try {
      const response = await fetch(`${this.geocoder}${encodeURIComponent(postcode)}`, { credentials: 'omit' });
      const body = (await response.json()) as { result?: { latitude?: number; longitude?: number } };
      const { latitude, longitude } = body.result ?? {};
      if (!response.ok || typeof latitude !== 'number' || typeof longitude !== 'number') throw new Error('not found');
      this.locationMessage = '';
      this.origin = { lat: latitude, lng: longitude };
    } catch {
      this.locationMessage = t.postcodeFailed;
    }
  }

  // ---------------------------------------------------------------------------
  // Rendering

  private toggle<K extends 'categories' | 'kinds' | 'access'>(key: K, value: FilterState[K][number], on: boolean) {
    const list = this.filters[key] as string[];
    this.setFilters({ [key]: on ? [...list, value] : list.filter((v) => v !== value) } as Partial<FilterState>);
  }

  private checkbox(key: 'categories' | 'kinds' | 'access', value: string, label: string) {
    const id = `${key}-${value}`;
    return html`<div class="check">
      <input type="checkbox" id=${id} .checked=${(this.filters[key] as string[]).includes(value)} @change=${(e: Event) => this.toggle(key, value as never, (e.target as HTMLInputElement).checked)} />
      <label for=${id}>${label}</label>
    </div>`;
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
              html`<li
                id="suggestion-${i}"
                role="option"
                class=${s.kind}
                aria-selected=${i === this.activeSuggestion ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.choose(s)}
              >
                ${s.label}
              </li>`,
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
    const places = prepared.feed.hub.places;
    return html`<details part="filters" class="filters">
      <summary>${t.filtersActive(active)}</summary>
      <div class="filter-body">
        <fieldset>
          <legend>${t.categories}</legend>
          <div class="checks">${prepared.feed.categories.map((c) => this.checkbox('categories', c.id, c.label))}</div>
        </fieldset>
        <fieldset>
          <legend>${t.kind}</legend>
          <div class="checks">${ASSET_KINDS.map((k) => this.checkbox('kinds', k, t.kinds[k]))}</div>
        </fieldset>
        <fieldset>
          <legend>${t.when}</legend>
          <div class="row">
            <div class="field">
              <label for="day">${t.day}</label>
              <select id="day" @change=${(e: Event) => this.setFilters({ day: (e.target as HTMLSelectElement).value as FilterState['day'] })}>
                <option value="" ?selected=${!f.day}>${t.anyDay}</option>
                ${DAYS.map((d) => html`<option value=${d} ?selected=${f.day === d}>${t.days[d]}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="time">${t.timeOfDay}</label>
              <select id="time" @change=${(e: Event) => this.setFilters({ time: (e.target as HTMLSelectElement).value as FilterState['time'] })}>
                <option value="" ?selected=${!f.time}>${t.anyTime}</option>
                ${Object.keys(TIME_OF_DAY).map((k) => html`<option value=${k} ?selected=${f.time === k}>${t.times[k as keyof typeof t.times]}</option>`)}
              </select>
            </div>
          </div>
          <div class="check">
            <input type="checkbox" id="open-now" .checked=${f.openNow} @change=${(e: Event) => this.setFilters({ openNow: (e.target as HTMLInputElement).checked })} />
            <label for="open-now">${t.openNow}</label>
          </div>
        </fieldset>
        <div class="row">
          <div class="check">
            <input type="checkbox" id="free" .checked=${f.free} @change=${(e: Event) => this.setFilters({ free: (e.target as HTMLInputElement).checked })} />
            <label for="free">${t.freeOnly}</label>
          </div>
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
          <div class="field">
            <label for="referral">${t.referral}</label>
            <select id="referral" @change=${(e: Event) => this.setFilters({ referral: (e.target as HTMLSelectElement).value as FilterState['referral'] })}>
              <option value="" ?selected=${!f.referral}>${t.referralAny}</option>
              <option value="self" ?selected=${f.referral === 'self'}>${t.referralSelf}</option>
              <option value="referral" ?selected=${f.referral === 'referral'}>${t.referralNeeded}</option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend>${t.accessibilityLegend}</legend>
          <div class="checks">${ACCESSIBILITY_FEATURES.map((a) => this.checkbox('access', a, t.accessibility[a]))}</div>
        </fieldset>
        <fieldset>
          <legend>${t.distance}</legend>
          <div class="row">
            <div class="field">
              <label for="near">${t.near}</label>
              <select id="near" @change=${this.onNearChange}>
                <option value="" ?selected=${!f.near}>${t.nowhere}</option>
                ${places.map((p) => html`<option value=${p.name} ?selected=${f.near === p.name}>${p.name}</option>`)}
                <option value="my-location" ?selected=${f.near === 'my-location'}>${t.myLocation}</option>
                ${this.geocoder ? html`<option value="postcode" ?selected=${f.near === 'postcode'}>${t.postcode}</option>` : nothing}
              </select>
            </div>
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
            <div class="field">
              <label for="within">${t.within}</label>
              <select id="within" ?disabled=${!f.near} @change=${(e: Event) => this.setFilters({ within: Number((e.target as HTMLSelectElement).value) })}>
                <option value="0" ?selected=${!f.within}>${t.anyDistance}</option>
                ${MILES.map((m) => {
                  const km = Math.round(m * KM_PER_MILE * 1000) / 1000;
                  return html`<option value=${km} ?selected=${Math.abs(f.within - km) < 0.01}>${t.withinMiles(m)}</option>`;
                })}
              </select>
            </div>
          </div>
          <p class="message" role="status">${this.locationMessage}</p>
        </fieldset>
        <button type="button" class="hub-button hub-button--link" ?hidden=${active === 0} @click=${() => this.setFilters({ ...emptyFilters(), q: f.q, sort: f.sort })}>
          ${t.clearFilters}
        </button>
      </div>
    </details>`;
  }

  private renderEmpty() {
    const t = this.localize.t;
    const f = this.filters;
    const relax = activeFilters(f);
    return html`<div class="empty">
      <p><strong>${t.noResults}</strong></p>
      ${
        relax.length || f.q
          ? html`<p>${t.relaxHeading}</p>
            <ul class="relax">
              ${f.q ? html`<li><button type="button" class="hub-button hub-button--link" @click=${() => this.setFilters({ q: '' })}>${t.clearSearch(f.q)}</button></li>` : nothing}
              ${relax.map(
                (key) =>
                  html`<li><button type="button" class="hub-button hub-button--link" @click=${() => {
                    this.filters = withoutFilter(f, key);
                  }}>${t.relax[key] ?? key}</button></li>`,
              )}
              ${relax.length > 1 ? html`<li><button type="button" class="hub-button hub-button--link" @click=${() => this.setFilters({ ...emptyFilters(), q: f.q, sort: f.sort })}>${t.clearFilters}</button></li>` : nothing}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderResults(prepared: Prepared) {
    const t = this.localize.t;
    const { assets } = prepared.feed;
    const total = assets.length;
    const n = this.resultIndices.length;
    const visible = this.resultIndices.slice(0, this.shown);
    const baseUrl = this.baseUrl || prepared.feed.hub.siteUrl;
    const distances = this.origin ? this.distances : undefined;
    return html`<div class="bar">
        <p part="count" class="count" id="count">${t.results(n, total)}</p>
        <div class="field sort">
          <label for="sort">${t.sortBy}</label>
          <select id="sort" @change=${(e: Event) => this.setFilters({ sort: (e.target as HTMLSelectElement).value as FilterState['sort'] })}>
            <option value="relevance" ?selected=${this.filters.sort === 'relevance'}>${t.sorts.relevance}</option>
            <option value="distance" ?selected=${this.filters.sort === 'distance'} ?disabled=${!distances}>${t.sorts.distance}</option>
            <option value="name" ?selected=${this.filters.sort === 'name'}>${t.sorts.name}</option>
          </select>
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        n === 0
          ? this.renderEmpty()
          : html`<ol part="results" class="results" aria-labelledby="count">
              ${visible.map(
                // Not keyed: cards are reused with a new asset, far cheaper than creating new ones per keystroke.
                (i, position) => {
                  const asset = assets[i] as FeedAsset;
                  const d = distances?.[i];
                  return html`<li aria-setsize=${n} aria-posinset=${position + 1}>
                    <hub-asset-card
                      data-id=${asset.id}
                      .asset=${asset}
                      .distance=${d !== undefined && Number.isFinite(d) ? d : undefined}
                      .now=${this.now}
                      base-url=${baseUrl}
                      heading-level="3"
                      ?selected=${asset.id === this.selectedId}
                      @click=${() => this.emit(new HubAssetSelectEvent({ assetId: asset.id, source: 'finder' }))}
                    ></hub-asset-card>
                  </li>`;
                },
              )}
            </ol>
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
    const prepared = this.data.value;
    if (this.data.status === TaskStatus.ERROR) {
      return html`<div part="base" class="base">
        <div class="error" role="alert">
          <p><strong>${t.loadFailed}</strong></p>
          <button type="button" class="hub-button" @click=${this.retry}>${t.retry}</button>
        </div>
        <slot></slot>
      </div>`;
    }
    if (!prepared || this.data.status === TaskStatus.PENDING) {
      return html`<div part="base" class="base" aria-busy="true">
        <p class="loading" role="status">${t.loading}</p>
        <slot></slot>
      </div>`;
    }
    return html`<div part="base" class="base">
      ${prepared.feed.hub.exampleData ? html`<p class="example">${t.exampleData}</p>` : nothing}
      ${this.renderSearch()} ${this.renderFilters(prepared)} ${this.renderResults(prepared)}
    </div>`;
  }
}
