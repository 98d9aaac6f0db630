/**
 * The finder's filters: their state, the test each asset must pass, and their form in a URL (for `sync-url`).
 */
import type { FeedAsset, FeedCategory } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, type AccessibilityFeature, ASSET_KINDS, type AssetKind, DAYS, type Day } from '@townhub/schema/vocabulary';
import { isOpenAt, runsInTimeOfDay, runsOnDay, TIME_OF_DAY, type TimeOfDay } from '../internal/schedule.js';

export type SortOrder = 'relevance' | 'distance' | 'name';
/** Who can get in: any, people referring themselves (self or either), or through a referral (needed or either). */
export type ReferralFilter = '' | 'self' | 'referral';

export interface FilterState {
  /** Keywords. */
  q: string;
  /** Category ids; a broad category includes its narrower ones. Any of them matches. */
  categories: string[];
  /** Asset kinds; any of them matches. */
  kinds: AssetKind[];
  day: Day | '';
  time: TimeOfDay | '';
  openNow: boolean;
  free: boolean;
  /** The person's age in years, or undefined. */
  age?: number;
  /** Accessibility features; all of them must be offered. */
  access: AccessibilityFeature[];
  referral: ReferralFilter;
  /** Where distances are measured from: a named place, `my-location` or `postcode`. Empty: no distance. */
  near: string;
  /** Maximum distance in kilometres (0: any distance). Area-wide and online assets always pass. */
  within: number;
  sort: SortOrder;
}

export const emptyFilters = (): FilterState => ({
  q: '',
  categories: [],
  kinds: [],
  day: '',
  time: '',
  openNow: false,
  free: false,
  access: [],
  referral: '',
  near: '',
  within: 0,
  sort: 'relevance',
});

/** The filters in use (not the keywords or the sort order), as keys of FilterState. */
export function activeFilters(state: FilterState): (keyof FilterState)[] {
  const active: (keyof FilterState)[] = [];
  if (state.categories.length) active.push('categories');
  if (state.kinds.length) active.push('kinds');
  if (state.day) active.push('day');
  if (state.time) active.push('time');
  if (state.openNow) active.push('openNow');
  if (state.free) active.push('free');
  if (state.age !== undefined) active.push('age');
  if (state.access.length) active.push('access');
  if (state.referral) active.push('referral');
  if (state.near && state.within > 0) active.push('within');
  return active;
}

/** A filter's "off" value, to relax one filter. */
export function withoutFilter(state: FilterState, key: keyof FilterState): FilterState {
  const empty = emptyFilters();
  return { ...state, [key]: empty[key] };
}

/** Everything a filter pass needs besides the state. */
export interface FilterContext {
  /** Category id → itself and every narrower category id. */
  descendants: ReadonlyMap<string, ReadonlySet<string>>;
  now: Date;
  /** Distance of each asset (by position) from the chosen place, when one is chosen. */
  distances?: Float64Array;
}

/** Category id → the set of itself and all its descendants. */
export function categoryDescendants(categories: readonly FeedCategory[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const out = new Map<string, Set<string>>();
  for (const c of categories) {
    const all = new Set<string>();
    const visit = (id: string) => {
      if (all.has(id)) return;
      all.add(id);
      for (const child of children.get(id) ?? []) visit(child);
    };
    visit(c.id);
    out.set(c.id, all);
  }
  return out;
}

/** A predicate for one filter state, prepared once and run over every asset. */
export function prepareFilter(state: FilterState, context: FilterContext): (asset: FeedAsset, index: number) => boolean {
  const wanted = new Set(state.categories.flatMap((id) => [...(context.descendants.get(id) ?? [id])]));
  const kinds = new Set(state.kinds);
  const { distances, now } = context;
  return (asset, index) => {
    if (wanted.size && !asset.categories.some((c) => wanted.has(c))) return false;
    if (kinds.size && !kinds.has(asset.kind)) return false;
    if (state.free && !asset.free) return false;
    if (state.age !== undefined && ((asset.ageMin ?? 0) > state.age || (asset.ageMax ?? 200) < state.age)) return false;
    if (state.access.length && !state.access.every((f) => asset.accessibility.includes(f))) return false;
    if (state.referral === 'self' && asset.referral === 'needed') return false;
    if (state.referral === 'referral' && asset.referral === 'self') return false;
    if (state.day && !runsOnDay(asset, state.day)) return false;
    if (state.time && !runsInTimeOfDay(asset, state.time, state.day || undefined)) return false;
    if (state.openNow && !isOpenAt(asset, now)) return false;
    if (state.within > 0 && distances) {
      const d = distances[index] as number;
      if (Number.isFinite(d) ? d > state.within : !(asset.areaWide || asset.online)) return false;
    }
    return true;
  };
}

// ---------------------------------------------------------------------------
// URL form: short, readable parameters so a search can be bookmarked and shared.

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function toParams(state: FilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.categories.length) p.set('category', state.categories.join(','));
  if (state.kinds.length) p.set('kind', state.kinds.join(','));
  if (state.day) p.set('day', state.day);
  if (state.time) p.set('time', state.time);
  if (state.openNow) p.set('open', 'now');
  if (state.free) p.set('free', 'yes');
  if (state.age !== undefined) p.set('age', String(state.age));
  if (state.access.length) p.set('access', state.access.join(','));
  if (state.referral) p.set('referral', state.referral);
  if (state.near && state.near !== 'my-location' && state.near !== 'postcode') p.set('near', state.near);
  if (state.within) p.set('within', String(state.within));
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  return p;
}

/** Reads the filters from URL parameters, ignoring anything unknown or malformed. */
export function fromParams(p: URLSearchParams): FilterState {
  const state = emptyFilters();
  state.q = (p.get('q') ?? '').slice(0, 200);
  state.categories = list(p.get('category'));
  state.kinds = list(p.get('kind')).filter((k): k is AssetKind => (ASSET_KINDS as readonly string[]).includes(k));
  const day = p.get('day') ?? '';
  if ((DAYS as readonly string[]).includes(day)) state.day = day as Day;
  const time = p.get('time') ?? '';
  if (time in TIME_OF_DAY) state.time = time as TimeOfDay;
  state.openNow = p.get('open') === 'now';
  state.free = p.get('free') === 'yes';
  const age = Number.parseInt(p.get('age') ?? '', 10);
  if (Number.isFinite(age) && age >= 0 && age <= 120) state.age = age;
  state.access = list(p.get('access')).filter((f): f is AccessibilityFeature => (ACCESSIBILITY_FEATURES as readonly string[]).includes(f));
  const referral = p.get('referral');
  if (referral === 'self' || referral === 'referral') state.referral = referral;
  state.near = p.get('near') ?? '';
  const within = Number(p.get('within'));
  if (Number.isFinite(within) && within > 0) state.within = within;
  const sort = p.get('sort');
  if (sort === 'distance' || sort === 'name') state.sort = sort;
  return state;
}

/** The parameter names the finder owns in the page URL. */
export const PARAM_NAMES = ['q', 'category', 'kind', 'day', 'time', 'open', 'free', 'age', 'access', 'referral', 'near', 'within', 'sort'];
