/**
 * Controlled vocabularies shared by the schema, the feed and the widgets.
 * Plain constants (no zod) so browser code can import them cheaply.
 */

/** The kinds of community asset a hub lists. */
export const ASSET_KINDS = ['group', 'activity', 'service', 'organisation', 'event', 'venue', 'volunteering'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Plain-English labels for asset kinds. */
export const KIND_LABELS: Record<AssetKind, string> = {
  group: 'Group',
  activity: 'Activity',
  service: 'Service',
  organisation: 'Organisation',
  event: 'Event',
  venue: 'Venue',
  volunteering: 'Volunteering',
};

/** Days of the week, Monday first (UK convention). */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export const DAY_LABELS: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Accessibility features an asset can offer. */
export const ACCESSIBILITY_FEATURES = [
  'step-free',
  'accessible-toilet',
  'changing-places',
  'hearing-loop',
  'bsl',
  'large-print',
  'easy-read',
  'quiet-space',
  'parking',
  'public-transport',
  'assistance-dogs',
  'seating',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const ACCESSIBILITY_LABELS: Record<AccessibilityFeature, string> = {
  'step-free': 'Step-free access',
  'accessible-toilet': 'Accessible toilet',
  'changing-places': 'Changing Places toilet',
  'hearing-loop': 'Hearing loop',
  bsl: 'British Sign Language',
  'large-print': 'Large print',
  'easy-read': 'Easy read information',
  'quiet-space': 'Quiet space',
  parking: 'Parking',
  'public-transport': 'Near public transport',
  'assistance-dogs': 'Assistance dogs welcome',
  seating: 'Seating available',
};

/** How a person gets access: on their own, through a referral, or either. */
export const REFERRAL_TYPES = ['self', 'needed', 'either'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export const REFERRAL_LABELS: Record<ReferralType, string> = {
  self: 'Just turn up or get in touch',
  needed: 'Referral needed',
  either: 'Self-referral or referral',
};

/** URL schemes allowed anywhere in hub data. */
export const SAFE_URL_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

/** True when `value` parses as a URL with one of the allowed schemes. */
export function isSafeUrl(value: string): boolean {
  try {
    return (SAFE_URL_SCHEMES as readonly string[]).includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
