/**
 * When an asset runs: shared by the card (schedule in words) and the finder (day, time-of-day and "open now" filters).
 * All times are the hub's local wall-clock time; the browser's clock is assumed to be in the same zone (UK hubs).
 */
import type { FeedAsset } from '@townhub/schema/feed';
import { DAYS, type Day } from '@townhub/schema/vocabulary';

// The card needs only this one: it lives apart so a page with cards does not load the filters' tests.
export { upcomingEvents } from './dates.js';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

/** Minutes past midnight when each part of the day starts and ends. */
export const TIME_OF_DAY: Record<TimeOfDay, [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Monday = 0 … Sunday = 6. */
export const dayIndex = (date: Date) => (date.getDay() + 6) % 7;

/** Which week of the month a date falls in (1–4, or 5), and whether it is the last such weekday. */
function weekOfMonth(date: Date): { week: number; last: boolean } {
  const week = Math.floor((date.getDate() - 1) / 7) + 1;
  const next = new Date(date);
  next.setDate(date.getDate() + 7);
  return { week, last: next.getMonth() !== date.getMonth() };
}

/** Sessions on one date as [opens, closes] minute pairs. */
export function sessionsOn(asset: FeedAsset, date: Date): [number, number][] {
  const day = DAYS[dayIndex(date)] as Day;
  const out: [number, number][] = [];
  for (const w of asset.weekly) if (w.days.includes(day)) out.push([minutes(w.opens), minutes(w.closes)]);
  if (asset.monthly.length > 0) {
    const { week, last } = weekOfMonth(date);
    for (const m of asset.monthly) if (m.day === day && (m.week === week || (m.week === -1 && last))) out.push([minutes(m.opens), minutes(m.closes)]);
  }
  const iso = isoDate(date);
  for (const e of asset.events) {
    if (e.start.slice(0, 10) !== iso) continue;
    const opens = minutes(e.start.slice(11, 16) || '00:00');
    const closes = e.end && e.end.slice(0, 10) === iso ? minutes(e.end.slice(11, 16)) : 24 * 60;
    out.push([opens, closes]);
  }
  return out;
}

export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** True when the asset has a session running at `now`. */
export function isOpenAt(asset: FeedAsset, now: Date): boolean {
  const t = now.getHours() * 60 + now.getMinutes();
  return sessionsOn(asset, now).some(([opens, closes]) => opens <= t && t < closes);
}

/** True when the asset has any regular or one-off session on this weekday. */
export function runsOnDay(asset: FeedAsset, day: Day): boolean {
  return (
    asset.weekly.some((w) => w.days.includes(day)) ||
    asset.monthly.some((m) => m.day === day) ||
    asset.events.some((e) => DAYS[dayIndex(new Date(`${e.start.slice(0, 10)}T12:00`))] === day)
  );
}

/** True when any session overlaps the part of the day (on `day`, when given). */
export function runsInTimeOfDay(asset: FeedAsset, part: TimeOfDay, day?: Day): boolean {
  const [from, to] = TIME_OF_DAY[part];
  const overlaps = (opens: string, closes: string) => minutes(opens) < to && minutes(closes) > from;
  return (
    asset.weekly.some((w) => (!day || w.days.includes(day)) && overlaps(w.opens, w.closes)) ||
    asset.monthly.some((m) => (!day || m.day === day) && overlaps(m.opens, m.closes)) ||
    asset.events.some(
      (e) =>
        (!day || runsOnDay({ ...asset, weekly: [], monthly: [], events: [e] }, day)) &&
        overlaps(e.start.slice(11, 16) || '00:00', e.end?.slice(11, 16) || '23:59'),
    )
  );
}
