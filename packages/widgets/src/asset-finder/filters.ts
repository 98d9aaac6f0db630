/**
 * The finder's filters: their state (the test each asset must pass is in filter-match.ts, loaded with the filters;
 * their URL form is in url-state.ts).
 */
import type { AccessibilityFeature, AssetKind, Day } from '@townhub/schema/vocabulary';
import type { TimeOfDay } from '../internal/schedule.js';

/** The controlled vocabularies the filters offer (from @townhub/schema/vocabulary). */
export interface Vocabulary {
  kinds: readonly AssetKind[];
  days: readonly Day[];
  features: readonly AccessibilityFeature[];
}

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
