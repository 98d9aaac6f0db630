/**
 * The finder's filters: their controls, the test each asset must pass, distance from a place and the offers to relax
 * filters when nothing matches. Loaded when the page is idle after the feed (or at once when a filter is in use), so
 * the first load carries only searching and the results. It takes what the finder already has (strings, vocabulary,
 * filter state) from the context rather than importing it: a module shared with the first load would be split into a
 * file of its own.
 */
import type { DecodedFeed, FeedAsset } from '@townhub/schema/feed';
import { html, nothing } from 'lit';
import { distanceKm } from '../internal/geo.js';
import { TIME_OF_DAY } from '../internal/schedule.js';
import { categoryDescendants, prepareFilter } from './filter-match.js';
import { panelStyles } from './filter-panel.styles.js';
import { type FilterStrings, filterStrings } from './filter-strings.js';
import type { FilterState, Vocabulary } from './filters.js';
import type { AssetFinderStrings } from './strings.js';

const KM_PER_MILE = 1.609344;
const MILES = [1, 2, 5, 10];

type Origin = { lat: number; lng: number };

/** What the panel reads from and changes in its finder. */
export interface PanelContext {
  /** The finder's strings and a picker for the panel's own, in the finder's language. */
  t: AssetFinderStrings;
  pick(table: typeof filterStrings): FilterStrings;
  vocabulary: Vocabulary;
  filters: FilterState;
  /** The filters in use (see activeFilters). */
  active: (keyof FilterState)[];
  /** Turns one filter off, or every filter when no key is given (keeping the keywords and sort order). */
  relax(key?: keyof FilterState): void;
  feed: DecodedFeed;
  geocoder: string;
  message: string;
  /** Merges a change into the filters. */
  set(patch: Partial<FilterState>): void;
  /** Sets the location message and, unless undefined, where distances are measured from (null: nowhere yet). */
  place(message: string, origin?: Origin | null): void;
}

export class FilterPanel {
  private readonly host: HTMLElement;
  /** Which assets passed the last filter state, by position. */
  private last?: { key: string; feed: DecodedFeed; distances?: Float64Array; test: (asset: FeedAsset, index: number) => boolean; pass: Uint8Array };

  constructor(host: HTMLElement) {
    this.host = host;
    // The finder's styles are adopted already; these join them (without constructable sheets the controls stay plain).
    const root = host.shadowRoot;
    if (root && panelStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelStyles.styleSheet];
  }

  /** Each asset's distance in kilometres from `origin` (to its nearest place; Infinity without one). */
  distances(origin: { lat: number; lng: number }, assets: readonly FeedAsset[]): Float64Array {
    return Float64Array.from(assets, (asset) => Math.min(Number.POSITIVE_INFINITY, ...asset.points.map((p) => distanceKm(origin, p))));
  }

  /**
   * The test every asset must pass for these filters. Each asset is tested at most once per filter state (and minute,
   * for "open now"): typing changes only the keywords, so a keystroke mostly looks the answers up.
   */
  filter(f: FilterState, feed: DecodedFeed, now: Date, distances?: Float64Array): (asset: FeedAsset, index: number) => boolean {
    const key = JSON.stringify({ ...f, q: '', sort: '', now: Math.floor(now.getTime() / 6e4) });
    let last = this.last;
    if (last?.key !== key || last.feed !== feed || last.distances !== distances) {
      const test = prepareFilter(f, { descendants: categoryDescendants(feed.categories), now, distances });
      last = this.last = { key, feed, distances, test, pass: new Uint8Array(feed.assets.length) };
    }
    const { test, pass } = last;
    return (asset, i) => {
      // 0: not tested yet, 1: passes, 2: fails.
      if (!pass[i]) pass[i] = test(asset, i) ? 1 : 2;
      return pass[i] === 1;
    };
  }

  /** One handler for every named filter control: checkbox lists toggle a value, other checkboxes are on or off. */
  onChange(ctx: PanelContext, event: Event): void {
    const el = event.target as HTMLInputElement;
    const key = el.name as keyof FilterState;
    if (!key) return;
    const current = ctx.filters[key];
    let value: unknown = el.value;
    if (Array.isArray(current)) value = el.checked ? [...current, el.value] : current.filter((v) => v !== el.value);
    else if (el.type === 'checkbox') value = el.checked;
    else if (key === 'within') value = Number(el.value);
    ctx.set({ [key]: value });
  }

  private onNearChange(ctx: PanelContext, near: string) {
    const f = ctx.filters;
    ctx.set({ near, ...(near ? {} : { within: 0, sort: f.sort === 'distance' ? 'relevance' : f.sort }) });
    const t = ctx.pick(filterStrings);
    if (near === 'my-location') void this.locate(ctx, (m) => m.currentPosition(), t.locationFailed, t.locating);
    else ctx.place('', near === 'postcode' ? null : undefined);
  }

  /** Finds a position (only ever after the person chose "My location" or entered a postcode). */
  private async locate(ctx: PanelContext, find: (m: typeof import('./location.js')) => Promise<Origin>, failed: string, waiting = '') {
    ctx.place(waiting);
    try {
      ctx.place('', await find(await import('./location.js')));
    } catch {
      ctx.place(failed);
    }
  }

  private findPostcode(ctx: PanelContext) {
    const postcode = this.host.shadowRoot?.querySelector<HTMLInputElement>('#postcode')?.value.trim() ?? '';
    if (postcode && ctx.geocoder) void this.locate(ctx, (m) => m.postcodePosition(ctx.geocoder, postcode), ctx.pick(filterStrings).postcodeFailed);
  }

  private check(name: string, id: string, label: string, checked: boolean, value = '') {
    return html`<div class="check"><input type="checkbox" id=${id} name=${name} .value=${value} .checked=${checked} /><label for=${id}>${label}</label></div>`;
  }

  private checks(f: FilterState, key: 'categories' | 'kinds' | 'access', legend: string, values: readonly (readonly [string, string])[]) {
    const on = f[key] as string[];
    return html`<fieldset><legend>${legend}</legend><div class="checks">${values.map(([value, label]) => this.check(key, `${key}-${value}`, label, on.includes(value), value))}</div></fieldset>`;
  }

  /** A labelled select; options are [value, label]. */
  private select(id: string, label: string, options: (readonly [string | number, string])[], current: string | number, disabled = false) {
    return html`<div class="field"><label for=${id}>${label}</label><select id=${id} name=${id} ?disabled=${disabled}>${options.map(([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`)}</select></div>`;
  }

  private clearButton(ctx: PanelContext) {
    return html`<button type="button" class="hub-button hub-button--link" @click=${() => ctx.relax()}>${ctx.pick(filterStrings).clearFilters}</button>`;
  }

  /** The controls inside the filters disclosure. */
  render(ctx: PanelContext) {
    const t = ctx.pick(filterStrings);
    const { kinds, days, accessibility } = ctx.t;
    const f = ctx.filters;
    const within = MILES.map((m) => [Math.round(m * KM_PER_MILE * 1000) / 1000, t.withinMiles(m)] as const);
    const postcode = ctx.geocoder && f.near === 'postcode';
    return html`<div class="filter-body">
      ${this.checks(
        f,
        'categories',
        t.categories,
        ctx.feed.categories.map((c) => [c.id, c.label]),
      )}
      ${this.checks(
        f,
        'kinds',
        t.kind,
        ctx.vocabulary.kinds.map((k) => [k, kinds[k]]),
      )}
      <fieldset>
        <legend>${t.when}</legend>
        <div class="row">
          ${this.select('day', t.day, [['', t.anyDay], ...ctx.vocabulary.days.map((d) => [d, days[d]] as const)], f.day)}
          ${this.select('time', t.timeOfDay, [['', t.anyTime], ...Object.keys(TIME_OF_DAY).map((k) => [k, t.times[k as keyof typeof t.times]] as const)], f.time)}
        </div>
        ${this.check('openNow', 'open-now', t.openNow, f.openNow)}
      </fieldset>
      <div class="row">
        ${this.check('free', 'free', t.freeOnly, f.free)}
        <div class="field">
          <label for="age">${t.age}</label>
          <p id="age-hint" class="hint">${t.ageHint}</p>
          <input id="age" class="age" type="number" inputmode="numeric" min="0" max="120" aria-describedby="age-hint" .value=${f.age === undefined ? '' : String(f.age)} @input=${(
            e: Event,
          ) => {
            const value = Number.parseInt((e.target as HTMLInputElement).value, 10);
            ctx.set({ age: Number.isFinite(value) && value >= 0 ? value : undefined });
          }} />
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
        f,
        'access',
        t.accessibilityLegend,
        ctx.vocabulary.features.map((a) => [a, accessibility[a]]),
      )}
      <fieldset>
        <legend>${t.distance}</legend>
        <div class="row">
          <div class="field"><label for="near">${t.near}</label><select id="near" @change=${(e: Event) => this.onNearChange(ctx, (e.target as HTMLSelectElement).value)}>
            ${[
              ['', t.nowhere],
              ...ctx.feed.hub.places.map((p) => [p.name, p.name]),
              ['my-location', t.myLocation],
              ...(ctx.geocoder ? [['postcode', t.postcode]] : []),
            ].map(([value, text]) => html`<option value=${value as string} ?selected=${value === f.near}>${text}</option>`)}
          </select></div>
          ${
            postcode
              ? html`<div class="field">
                <label for="postcode">${t.postcodeLabel}</label>
                <div class="inline">
                  <input id="postcode" class="postcode" autocomplete="postal-code" @keydown=${(e: KeyboardEvent) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    this.findPostcode(ctx);
                  }} />
                  <button type="button" class="hub-button hub-button--secondary" @click=${() => this.findPostcode(ctx)}>${t.findPostcode}</button>
                </div>
              </div>`
              : nothing
          }
          ${this.select('within', t.within, [[0, t.anyDistance], ...within], within.find(([km]) => Math.abs(f.within - km) < 0.01)?.[0] ?? 0, !f.near)}
        </div>
        <p class="message" role="status">${ctx.message}</p>
      </fieldset>
      ${ctx.active.length ? this.clearButton(ctx) : nothing}
    </div>`;
  }

  /** Ways to widen a search that found nothing: drop the keywords, relax one filter, or clear them all. */
  renderRelax(ctx: PanelContext) {
    const t = ctx.pick(filterStrings);
    const f = ctx.filters;
    const relax = ctx.active;
    if (!relax.length && !f.q) return nothing;
    const item = (label: string, change: () => void) =>
      html`<li><button type="button" class="hub-button hub-button--link" @click=${change}>${label}</button></li>`;
    return html`<p>${t.relaxHeading}</p>
      <ul class="relax">
        ${f.q ? item(t.clearSearch(f.q), () => ctx.set({ q: '' })) : nothing}
        ${relax.map((key) => item(t.relax[key] ?? key, () => ctx.relax(key)))}
        ${relax.length > 1 ? html`<li>${this.clearButton(ctx)}</li>` : nothing}
      </ul>`;
  }
}
