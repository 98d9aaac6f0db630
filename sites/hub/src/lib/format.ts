/** Plain-English wording for times, dates and schedules (GOV.UK style: "10am to 11:30am", "Tuesdays"). */
import { type Asset, DAY_LABELS, DAYS, type Day, type MonthlySession, type WeeklySession } from '@townhub/schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "10am", "11:30am", "midday", "midnight". */
export function time(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  const m = hhmm.slice(3, 5);
  if (h === 12 && m === '00') return 'midday';
  if (h === 0 && m === '00') return 'midnight';
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === '00' ? `${h12}${suffix}` : `${h12}:${m}${suffix}`;
}

export function timeRange(opens: string, closes: string): string {
  return `${time(opens)} to ${time(closes)}`;
}

/** The weekday (mon…sun) of a YYYY-MM-DD date. */
export function dayOf(date: string): Day {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return DAYS[(d + 6) % 7] as Day;
}

/** "Saturday 5 December 2026". */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${DAY_LABELS[dayOf(date)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "5 December 2026". */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Mondays, Thursdays and Saturdays". */
export function dayList(days: readonly Day[]): string {
  const names = DAYS.filter((d) => days.includes(d)).map((d) => `${DAY_LABELS[d]}s`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const ORDINALS: Record<number, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' };

export function weeklyText(w: WeeklySession): string {
  return `${dayList(w.days)}, ${timeRange(w.opens, w.closes)}${w.note ? ` (${w.note})` : ''}`;
}

export function monthlyText(m: MonthlySession): string {
  return `${ORDINALS[m.week]} ${DAY_LABELS[m.day]} of the month, ${timeRange(m.opens, m.closes)}${m.note ? ` (${m.note})` : ''}`;
}

/** "Saturday 5 December 2026, 10am to 2pm" for a dated event. */
export function eventText(start: string, end?: string): string {
  const [startDate, startTime] = start.split('T') as [string, string];
  if (!end) return `${longDate(startDate)}, from ${time(startTime)}`;
  const [endDate, endTime] = end.split('T') as [string, string];
  if (endDate === startDate) return `${longDate(startDate)}, ${timeRange(startTime, endTime)}`;
  return `${longDate(startDate)}, ${time(startTime)} to ${longDate(endDate)}, ${time(endTime)}`;
}

/** Every line of an asset's schedule in words, in the order people look for them. */
export function scheduleLines(asset: Asset, today: string): string[] {
  const s = asset.schedule;
  if (!s) return [];
  const lines: string[] = [];
  for (const w of s.weekly ?? []) lines.push(weeklyText(w));
  for (const m of s.monthly ?? []) lines.push(monthlyText(m));
  for (const e of s.events ?? []) {
    if ((e.end ?? e.start).slice(0, 10) >= today) lines.push(`${e.title ? `${e.title}: ` : ''}${eventText(e.start, e.end)}`);
  }
  if (s.byAppointment) lines.push('By appointment');
  return lines;
}

/** Closures that have not ended yet, in words. */
export function closureLines(asset: Asset, today: string): string[] {
  return (asset.schedule?.closures ?? [])
    .filter((c) => c.to >= today)
    .map((c) => `Closed ${c.from === c.to ? shortDate(c.from) : `from ${shortDate(c.from)} to ${shortDate(c.to)}`}${c.reason ? ` (${c.reason})` : ''}`);
}

/** Cost in words: "Free", "£3 per session. First session free". */
export function costText(asset: Asset): string {
  const { cost } = asset;
  const main = cost.free ? 'Free' : (cost.description ?? (cost.amount !== undefined ? `£${cost.amount.toFixed(2)}` : 'There is a charge'));
  return cost.concessions ? `${main}. ${cost.concessions}` : main;
}

/** Ages in words, or undefined when anyone can come. */
export function agesText(asset: Asset): string | undefined {
  const { ageMin, ageMax } = asset.eligibility;
  if (ageMin !== undefined && ageMax !== undefined) return `Ages ${ageMin} to ${ageMax}`;
  if (ageMin !== undefined) return `Ages ${ageMin} and over`;
  if (ageMax !== undefined) return `Ages up to ${ageMax}`;
  return undefined;
}

const languageNames = new Intl.DisplayNames(['en-GB'], { type: 'language' });

/** A language tag in English words ("pa" → "Punjabi"), or the tag itself when it has no name. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Splits plain text into paragraphs and "- " lists, for rendering without HTML in the data. */
export type Block = { type: 'p'; text: string } | { type: 'ul'; items: string[] };
export function textBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk): Block => {
      const lines = chunk.split('\n').map((l) => l.trim());
      if (lines.every((l) => l.startsWith('- '))) return { type: 'ul', items: lines.map((l) => l.slice(2)) };
      return { type: 'p', text: lines.join(' ') };
    });
}

/** Days an asset runs on (weekly, monthly or dated), for the "day" search filter. */
export function daysOf(asset: Asset): Day[] {
  const days = new Set<Day>();
  for (const w of asset.schedule?.weekly ?? []) for (const d of w.days) days.add(d);
  for (const m of asset.schedule?.monthly ?? []) days.add(m.day);
  for (const e of asset.schedule?.events ?? []) days.add(dayOf(e.start.slice(0, 10)));
  return DAYS.filter((d) => days.has(d));
}
