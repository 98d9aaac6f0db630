/** Works out what happens on which date, for "what's on", "this week" and the iCal feed. */
import type { Asset } from '@townhub/schema';
import { dayOf } from './format.ts';

export interface Occurrence {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start: string;
  /** HH:MM, when known */
  end?: string;
  asset: Asset;
  /** The event's own title, when it has one. */
  title?: string;
  /** What produced it, so the iCal feed can use a recurrence rule instead of many events. */
  source: 'weekly' | 'monthly' | 'event';
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True when the date is the nth (1–4) or last (-1) of its weekday in its month. */
export function isNthWeekday(date: string, week: number): boolean {
  const dayOfMonth = Number(date.slice(8, 10));
  if (week === -1) return addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
  return Math.ceil(dayOfMonth / 7) === week;
}

export function isClosed(asset: Asset, date: string): boolean {
  return (asset.schedule?.closures ?? []).some((c) => c.from <= date && date <= c.to);
}

/** Everything on one date, sorted by start time. */
export function occurrencesOn(assets: readonly Asset[], date: string): Occurrence[] {
  const day = dayOf(date);
  const found: Occurrence[] = [];
  for (const asset of assets) {
    const s = asset.schedule;
    if (!s || isClosed(asset, date)) continue;
    for (const w of s.weekly ?? []) if (w.days.includes(day)) found.push({ date, start: w.opens, end: w.closes, asset, source: 'weekly' });
    for (const m of s.monthly ?? [])
      if (m.day === day && isNthWeekday(date, m.week)) found.push({ date, start: m.opens, end: m.closes, asset, source: 'monthly' });
    for (const e of s.events ?? []) {
      if (e.start.slice(0, 10) !== date) continue;
      const end = e.end && e.end.slice(0, 10) === date ? e.end.slice(11) : undefined;
      found.push({ date, start: e.start.slice(11), ...(end ? { end } : {}), asset, ...(e.title ? { title: e.title } : {}), source: 'event' });
    }
  }
  return found.sort((a, b) => a.start.localeCompare(b.start) || a.asset.name.localeCompare(b.asset.name));
}

/** Dated events from `from` onwards, soonest first. */
export function upcomingEvents(assets: readonly Asset[], from: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const asset of assets) {
    for (const e of asset.schedule?.events ?? []) {
      if ((e.end ?? e.start).slice(0, 10) < from) continue;
      const date = e.start.slice(0, 10);
      const end = e.end && e.end.slice(0, 10) === date ? e.end.slice(11) : undefined;
      found.push({ date, start: e.start.slice(11), ...(end ? { end } : {}), asset, ...(e.title ? { title: e.title } : {}), source: 'event' });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}
