/** Moments (ISO timestamps) in words, in the device's time zone: when a plan was saved or shared. */

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
