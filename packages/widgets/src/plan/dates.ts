/** Calendar dates (YYYY-MM-DD) in words, without time-zone surprises: they are read and formatted as UTC. */
import { MONTHS } from '../internal/dates.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function format(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang || 'en-GB', { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

/** Milliseconds since the epoch of a YYYY-MM-DD date at midnight UTC. */
export const dayTime = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** "1 October 2026". British English is written out by hand: a plan's first render then waits for no Intl locale data. */
export function longDay(day: string, lang = 'en-GB'): string {
  const time = dayTime(day);
  const date = new Date(time);
  return /^en-gb$/i.test(lang || 'en-GB') && !Number.isNaN(time)
    ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
    : format(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(time);
}

/** "1 Oct 2026" */
export const shortDay = (day: string, lang = 'en-GB') => format(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(dayTime(day));
