/** Calendar dates (YYYY-MM-DD) in words, without time-zone surprises: they are read and formatted as UTC. */

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

/** "1 October 2026" */
export const longDay = (day: string, lang = 'en-GB') => format(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(dayTime(day));

/** "1 Oct 2026" */
export const shortDay = (day: string, lang = 'en-GB') => format(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(dayTime(day));

/** A moment in local time: "23 November 2026, 11:20". */
export const dateTime = (iso: string, lang = 'en-GB') =>
  new Intl.DateTimeFormat(lang || 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** How long ago a moment was, for recent ones ("3 minutes ago", "yesterday"); undefined after a week, when a date reads better. */
export function timeAgo(iso: string, lang = 'en-GB', now = Date.now()): string | undefined {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds) || seconds < -7 * 86400) return undefined;
  const rtf = new Intl.RelativeTimeFormat(lang || 'en-GB', { numeric: 'auto' });
  if (seconds > -60) return rtf.format(0, 'second');
  if (seconds > -3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (seconds > -86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}
