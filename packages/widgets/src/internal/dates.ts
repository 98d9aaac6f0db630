/** Dates in the hub's local wall-clock time (see schedule.ts). */
import type { FeedAsset } from '@townhub/schema/feed';

export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** One-off events that have not ended by `now`, soonest first. */
export function upcomingEvents(asset: FeedAsset, now: Date) {
  const stamp = `${isoDate(now)}T${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  return asset.events.filter((e) => (e.end ?? e.start) >= stamp || e.start.slice(0, 10) >= stamp.slice(0, 10)).sort((a, b) => a.start.localeCompare(b.start));
}
