/** Upcoming one-off events, in the hub's local wall-clock time (see schedule.ts); all a card needs of the schedule. */
import type { FeedAsset } from '@townhub/schema/feed';

/** English month names, for dates written out without Intl (whose locale data is slow to load on a phone). */
export const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** One-off events that have not ended by `now`, soonest first (ISO times sort as plain strings; localeCompare would load a collator). */
export function upcomingEvents(asset: FeedAsset, now: Date) {
  // The local wall-clock time as an ISO stamp (YYYY-MM-DDTHH:MM): UTC's ISO form of the time shifted by the zone's offset.
  const stamp = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  return asset.events
    .filter((e) => (e.end ?? e.start) >= stamp || e.start.slice(0, 10) >= stamp.slice(0, 10))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
