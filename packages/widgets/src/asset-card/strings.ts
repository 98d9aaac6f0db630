import { ACCESSIBILITY_LABELS, DAY_LABELS, KIND_LABELS, REFERRAL_LABELS } from '@townhub/schema/vocabulary';
import { MONTHS } from '../internal/dates.js';

// English words are put together by hand rather than with Intl: a page of cards then never waits for Intl's
// locale data (over 100 ms on a slow phone), and these are the only forms English needs.
/** Weeks 1 to 4 of the month (-1 is the last). */
const ordinals = 'First Second Third Fourth'.split(' ');
/** "Tuesday", "Tuesday and Thursday", "Monday, Wednesday and Friday" (en-GB lists have no serial comma). */
const list = (words: string[]) => words.join(', ').replace(/, ([^,]*)$/, ' and $1');
/** Monday first, as DAY_LABELS is written. */
const weekdays = Object.values(DAY_LABELS);

const enGB = {
  kinds: KIND_LABELS,
  days: DAY_LABELS,
  accessibility: ACCESSIBILITY_LABELS,
  referral: REFERRAL_LABELS,
  when: 'When',
  cost: 'Cost',
  age: 'Age',
  distance: 'Distance',
  access: 'Access',
  accessibilityHeading: 'Accessibility',
  contact: 'Contact',
  free: 'Free',
  /** e.g. "Every Tuesday and Thursday, 10:00–12:00" */
  weekly: (days: string[], opens: string, closes: string) => `Every ${list(days)}, ${opens}–${closes}`,
  /** e.g. "First Monday of the month, 18:00–20:00" */
  monthly: (week: number, day: string, opens: string, closes: string) =>
    `${ordinals[week - 1] ?? (week === -1 ? 'Last' : `Week ${week}:`)} ${day} of the month, ${opens}–${closes}`,
  /**
   * A one-off event from its ISO start and end (local time; the time is optional), e.g. "Saturday 6 December,
   * 10:00–15:00"; the end time is shown when it is on the same day.
   */
  event: (start: string, end?: string) => {
    const date = new Date(`${start.slice(0, 10)}T12:00`);
    const opens = start.slice(11, 16);
    const closes = end?.startsWith(start.slice(0, 10)) && end.slice(11, 16);
    return `${weekdays[(date.getDay() + 6) % 7]} ${date.getDate()} ${MONTHS[date.getMonth()]}${opens ? `, ${opens}${closes ? `–${closes}` : ''}` : ''}`;
  },
  byAppointment: 'By appointment',
  areaWide: 'Available across the area',
  online: 'Online',
  ageRange: (min?: number, max?: number) =>
    min === undefined ? (max === undefined ? 'All ages' : `Up to ${max}`) : max === undefined ? `${min} and over` : `${min} to ${max} years`,
  /** Distance in kilometres, spoken in miles for UK readers. */
  distanceAway: (km: number) => {
    const miles = km * 0.621371;
    const shown = miles.toFixed(1);
    return miles < 0.1 ? 'Less than 0.1 miles away' : `${shown} ${shown === '1.0' ? 'mile' : 'miles'} away`;
  },
  phone: (number: string) => `Phone ${number}`,
  email: (address: string) => `Email ${address}`,
  website: 'Website',
  booking: 'Book a place',
  addToPlan: 'Add to my plan',
  inPlan: 'Added to my plan',
  opensInNewTab: '(opens in a new tab)',
};

/** Strings of `<hub-asset-card>` per locale; plurals and values are functions. */
export type AssetCardStrings = typeof enGB;
export const strings: { 'en-GB': AssetCardStrings } & Record<string, AssetCardStrings> = { 'en-GB': enGB };
