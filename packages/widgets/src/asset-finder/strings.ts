import { ACCESSIBILITY_LABELS, DAY_LABELS, KIND_LABELS } from '@townhub/schema/vocabulary';
import { groupDigits as count } from '../internal/numbers.js';

const enGB = {
  kinds: KIND_LABELS,
  days: DAY_LABELS,
  accessibility: ACCESSIBILITY_LABELS,
  searchLabel: 'Search for support, activities and services',
  searchHint: 'For example: walking, debt advice, lunch club',
  suggestions: 'Suggestions',
  suggestionCategory: (label: string) => `${label} (category)`,
  suggestionsAvailable: (n: number) => `${n === 1 ? '1 suggestion' : `${n} suggestions`}. Use the up and down arrows to choose.`,
  filtersActive: (n: number) => (n === 0 ? 'Filters' : `Filters (${n} in use)`),
  sortBy: 'Sort by',
  sorts: { relevance: 'Best match', distance: 'Nearest first', name: 'Name (A to Z)' },
  results: (n: number, total: number) => `${n === 1 ? '1 result' : `${count(n)} results`}${n === total ? '' : ` of ${count(total)}`}`,
  showMore: (remaining: number) => `Show more results (${count(remaining)} more)`,
  loading: 'Loading the list of local support…',
  loadFailed: 'Sorry, the list of local support could not be loaded.',
  retry: 'Try again',
  noResults: 'No results match your search.',
  exampleData: 'These are example listings, not real services.',
};

/** Strings of `<hub-asset-finder>` per locale; plurals and values are functions. The filters' own are in filter-strings.ts. */
export type AssetFinderStrings = typeof enGB;
export const strings: { 'en-GB': AssetFinderStrings } & Record<string, AssetFinderStrings> = { 'en-GB': enGB };
