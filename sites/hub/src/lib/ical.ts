/**
 * The hub's calendar as iCalendar (RFC 5545): dated events, and regular sessions as recurrence rules with
 * closures as exceptions. Times are local to Europe/London.
 */
import { DAYS, type Hub } from '@townhub/schema';
import { dayOf } from './format.ts';
import { addDays, isNthWeekday } from './occurrences.ts';
import type { SiteAsset } from './site-data.ts';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Europe/London, so calendar apps place local times correctly across the clock changes. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, as the format requires. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a multi-byte character.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

const local = (date: string, hhmm: string) => `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00`;

/** Builds the calendar. `pageUrl(id)` gives the public address of an asset's page. */
export function toICalendar(hub: Hub, assets: readonly SiteAsset[], today: string, pageUrl: (id: string) => string, now = new Date()): string {
  const stamp = `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const host = new URL(hub.siteUrl).host;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Town Digital Hub//${escapeText(hub.name)}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(`What's on: ${hub.name}`)}`, 'X-WR-TIMEZONE:Europe/London', ...VTIMEZONE);
  const horizon = addDays(today, 366);

  for (const { asset } of assets) {
    const s = asset.schedule;
    if (!s) continue;
    const where = asset.locations?.[0];
    const location = where ? [where.name, ...where.address, where.town, where.postcode].filter(Boolean).join(', ') : asset.online ? 'Online or by phone' : '';
    const common = (summary: string) => [
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(asset.summary)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      ...(where ? [`GEO:${where.lat};${where.lng}`] : []),
      `URL:${pageUrl(asset.id)}`,
      `DTSTAMP:${stamp}`,
    ];
    const closedDates = (matches: (date: string) => boolean, at: string) => {
      const dates: string[] = [];
      for (const c of s.closures ?? []) {
        for (let d = c.from > today ? c.from : today; d <= c.to && d <= horizon; d = addDays(d, 1)) if (matches(d)) dates.push(local(d, at));
      }
      return dates.length ? [`EXDATE;TZID=Europe/London:${dates.join(',')}`] : [];
    };
    const firstFrom = (matches: (date: string) => boolean) => {
      for (let d = today, i = 0; i < 400; d = addDays(d, 1), i++) if (matches(d)) return d;
      return today;
    };

    (s.weekly ?? []).forEach((w, i) => {
      const matches = (d: string) => w.days.includes(dayOf(d));
      const first = firstFrom(matches);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${asset.id}-weekly-${i}@${host}`,
        ...common(asset.name),
        `DTSTART;TZID=Europe/London:${local(first, w.opens)}`,
        `DTEND;TZID=Europe/London:${local(first, w.closes)}`,
        `RRULE:FREQ=WEEKLY;BYDAY=${w.days.map((d) => BYDAY[DAYS.indexOf(d)]).join(',')}`,
        ...closedDates(matches, w.opens),
        'END:VEVENT',
      );
    });
    (s.monthly ?? []).forEach((m, i) => {
      const matches = (d: string) => dayOf(d) === m.day && isNthWeekday(d, m.week);
      const first = firstFrom(matches);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${asset.id}-monthly-${i}@${host}`,
        ...common(asset.name),
        `DTSTART;TZID=Europe/London:${local(first, m.opens)}`,
        `DTEND;TZID=Europe/London:${local(first, m.closes)}`,
        `RRULE:FREQ=MONTHLY;BYDAY=${m.week}${BYDAY[DAYS.indexOf(m.day)]}`,
        ...closedDates(matches, m.opens),
        'END:VEVENT',
      );
    });
    (s.events ?? []).forEach((e, i) => {
      if ((e.end ?? e.start).slice(0, 10) < today) return;
      const [date, at] = e.start.split('T') as [string, string];
      lines.push('BEGIN:VEVENT', `UID:${asset.id}-event-${i}@${host}`, ...common(e.title ?? asset.name), `DTSTART;TZID=Europe/London:${local(date, at)}`);
      if (e.end) lines.push(`DTEND;TZID=Europe/London:${local(e.end.slice(0, 10), e.end.slice(11))}`);
      lines.push('END:VEVENT');
    });
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
