/**
 * The finder's filters in a URL, for `sync-url`: short, readable parameters so a search can be bookmarked and shared.
 * Loaded only by finders that keep their state in the URL.
 */
import type { AccessibilityFeature, AssetKind, Day } from '@townhub/schema/vocabulary';
import { TIME_OF_DAY, type TimeOfDay } from '../internal/schedule.js';
import type { FilterState, Vocabulary } from './filters.js';

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

/**
 * Reads the filters from URL parameters over `empty` (the filters all off), ignoring anything unknown or malformed.
 * The finder passes what it has loaded already, so this module shares no code with the first load.
 */
export function fromParams(p: URLSearchParams, empty: FilterState, vocabulary: Vocabulary): FilterState {
  const state = { ...empty };
  state.q = (p.get('q') ?? '').slice(0, 200);
  state.categories = list(p.get('category'));
  state.kinds = list(p.get('kind')).filter((k): k is AssetKind => (vocabulary.kinds as readonly string[]).includes(k));
  const day = p.get('day') ?? '';
  if ((vocabulary.days as readonly string[]).includes(day)) state.day = day as Day;
  const time = p.get('time') ?? '';
  if (time in TIME_OF_DAY) state.time = time as TimeOfDay;
  state.openNow = p.get('open') === 'now';
  state.free = p.get('free') === 'yes';
  const age = Number.parseInt(p.get('age') ?? '', 10);
  if (Number.isFinite(age) && age >= 0 && age <= 120) state.age = age;
  state.access = list(p.get('access')).filter((f): f is AccessibilityFeature => (vocabulary.features as readonly string[]).includes(f));
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

/** Puts the filters in the page URL in place of the finder's previous ones, leaving other parameters alone. */
export function writeUrl(state: FilterState): void {
  const url = new URL(location.href);
  for (const name of PARAM_NAMES) url.searchParams.delete(name);
  for (const [name, value] of toParams(state)) url.searchParams.set(name, value);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
