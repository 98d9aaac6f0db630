/**
 * The widget feed: a compact JSON form of one hub's assets.
 *
 * Assets travel as positional rows (no repeated key names) and small numbers stand for vocabularies, so the
 * feed stays small on a weak connection. `toFeed` builds it from validated data; `decodeFeed` turns it back
 * into friendly objects in the browser. This module has no dependencies so widgets can import it.
 */

import type { Asset, Category, Hub } from './schema.ts';
import {
  ACCESSIBILITY_FEATURES,
  type AccessibilityFeature,
  ASSET_KINDS,
  type AssetKind,
  DAYS,
  type Day,
  REFERRAL_TYPES,
  type ReferralType,
} from './vocabulary.ts';

export const FEED_FORMAT = 'townhub-feed';
export const FEED_VERSION = 1;

/** Path of an asset's page, relative to the hub's base URL. */
export function assetPath(id: string): string {
  return `assets/${id}/`;
}

// ---------------------------------------------------------------------------
// Wire format

type Minutes = number;
/** [dayMask (bit 0 = Monday), opens, closes] */
type WireWeekly = [number, Minutes, Minutes];
/** [week (1–4, -1 = last), day index, opens, closes] */
type WireMonthly = [number, number, Minutes, Minutes];
/** [start, end?] as YYYY-MM-DDTHH:MM */
type WireEvent = [string] | [string, string];
type WireSchedule = [WireWeekly[], WireMonthly[], WireEvent[], string?];
type WireContact = [string?, string?, string?, string?];

/**
 * One asset row: [id, name, kind, summary, categories, organisation, points, flags, schedule, cost, ageMin, ageMax,
 * referral, accessibility, contact, tags]. Empty values are 0 and trailing empties are dropped.
 */
export type WireAsset = [
  string,
  string,
  number,
  string,
  number[],
  string | 0,
  number[] | 0,
  number,
  WireSchedule | 0,
  string | 0,
  number | -1,
  number | -1,
  number,
  number,
  WireContact | 0,
  string | 0,
];

/** The feed document as served at /feed.json. */
export interface Feed {
  format: typeof FEED_FORMAT;
  version: typeof FEED_VERSION;
  hub: {
    slug: string;
    name: string;
    /** [lat, lng] */
    centre: [number, number];
    /** [south, west, north, east] */
    bounds: [number, number, number, number];
    /** [name, lat, lng] */
    places: [string, number, number][];
    siteUrl: string;
    exampleData: boolean;
  };
  /** [id, label, parent id or 0] */
  categories: [string, string, string | 0][];
  assets: WireAsset[];
}

const FLAG_AREA_WIDE = 1;
const FLAG_ONLINE = 2;
const FLAG_BY_APPOINTMENT = 4;
const FLAG_FREE = 8;

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const times: string[] = [];
/** Minutes past midnight as HH:MM (remembered: a big feed decodes the same few times thousands of times). */
const toTime = (m: number) => {
  times[m] ??= `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return times[m];
};

function costText(asset: Asset): string {
  const { cost } = asset;
  const parts = [cost.description ?? (cost.amount ? `£${cost.amount.toFixed(2)}` : ''), cost.concessions ?? ''];
  return parts.filter(Boolean).join('. ');
}

function encodeAsset(asset: Asset, categoryIndex: Map<string, number>): WireAsset {
  const s = asset.schedule;
  const flags =
    (asset.areaWide ? FLAG_AREA_WIDE : 0) | (asset.online ? FLAG_ONLINE : 0) | (s?.byAppointment ? FLAG_BY_APPOINTMENT : 0) | (asset.cost.free ? FLAG_FREE : 0);
  const schedule: WireSchedule | 0 =
    s && (s.weekly || s.monthly || s.events || s.note)
      ? trimTrailing<WireSchedule>([
          (s.weekly ?? []).map((w): WireWeekly => [w.days.reduce((mask, d) => mask | (1 << DAYS.indexOf(d)), 0), toMinutes(w.opens), toMinutes(w.closes)]),
          (s.monthly ?? []).map((m): WireMonthly => [m.week, DAYS.indexOf(m.day), toMinutes(m.opens), toMinutes(m.closes)]),
          (s.events ?? []).map((e): WireEvent => (e.end ? [e.start, e.end] : [e.start])),
          s.note,
        ])
      : 0;
  const c = asset.contact;
  const contact: WireContact | 0 =
    c && (c.phone || c.email || c.website || c.booking) ? trimTrailing<WireContact>([c.phone, c.email, c.website, c.booking]) : 0;
  const row: WireAsset = [
    asset.id,
    asset.name,
    ASSET_KINDS.indexOf(asset.kind),
    asset.summary,
    asset.categories.map((id) => categoryIndex.get(id) ?? -1).filter((i) => i >= 0),
    asset.organisation?.name ?? 0,
    asset.locations?.length ? asset.locations.flatMap((l) => [round(l.lat), round(l.lng)]) : 0,
    flags,
    schedule,
    costText(asset) || 0,
    asset.eligibility.ageMin ?? -1,
    asset.eligibility.ageMax ?? -1,
    REFERRAL_TYPES.indexOf(asset.eligibility.referral),
    (asset.accessibility ?? []).reduce((mask, f) => mask | (1 << ACCESSIBILITY_FEATURES.indexOf(f)), 0),
    contact,
    asset.tags?.length ? asset.tags.join(' ') : 0,
  ];
  return trimTrailing(row) as WireAsset;
}

function trimTrailing<T extends unknown[]>(row: T): T {
  let end = row.length;
  while (end > 0 && (row[end - 1] === undefined || row[end - 1] === 0 || row[end - 1] === -1)) end--;
  return row.slice(0, end) as T;
}

/**
 * Builds the widget feed for one hub from validated data. Assets go in name order (lower-cased, ties in the order
 * given), the order the finder lists them in before any search: it then finds them sorted instead of sorting 20,000
 * names while the feed loads.
 */
export function toFeed(hub: Hub, categories: readonly Category[], assets: readonly Asset[]): Feed {
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const keyed = assets.map((asset) => ({ asset, key: asset.name.toLowerCase() }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    hub: {
      slug: hub.slug,
      name: hub.name,
      centre: [hub.centre.lat, hub.centre.lng],
      bounds: [hub.bounds.south, hub.bounds.west, hub.bounds.north, hub.bounds.east],
      places: hub.places.map((p) => [p.name, round(p.lat), round(p.lng)]),
      siteUrl: hub.siteUrl,
      exampleData: hub.exampleData,
    },
    categories: categories.map((c) => [c.id, c.label, c.parent ?? 0]),
    assets: keyed.map(({ asset }) => encodeAsset(asset, categoryIndex)),
  };
}

/**
 * The feed as served: JSON with every character past ASCII written as a `\u` escape. It is the same document, but a
 * browser decodes pure ASCII bytes many times faster than UTF-8 with the odd "é" or "£" in it.
 */
export function feedJson(feed: Feed): string {
  // One asset row per line, `assets` last: a reader can cut whole rows at a newline without scanning the text, since
  // JSON strings never hold a raw newline.
  const { assets, ...head } = feed;
  const json = `${JSON.stringify(head).slice(0, -1)},"assets":[\n${assets.map((row) => JSON.stringify(row)).join(',\n')}\n]}`;
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------------------
// Decoded form, for widgets

export interface FeedCategory {
  id: string;
  label: string;
  parent?: string;
}

export interface FeedPlace {
  name: string;
  lat: number;
  lng: number;
}

export interface FeedWeekly {
  days: Day[];
  /** HH:MM */
  opens: string;
  /** HH:MM */
  closes: string;
}

export interface FeedMonthly {
  /** 1–4, or -1 for the last */
  week: number;
  day: Day;
  opens: string;
  closes: string;
}

export interface FeedEvent {
  /** YYYY-MM-DDTHH:MM, local time */
  start: string;
  end?: string;
}

/** One asset as widgets see it. */
export interface FeedAsset {
  id: string;
  name: string;
  kind: AssetKind;
  summary: string;
  /** Category ids. */
  categories: string[];
  organisation?: string;
  /** Locations as points (may be empty for area-wide or online assets). */
  points: { lat: number; lng: number }[];
  areaWide: boolean;
  online: boolean;
  byAppointment: boolean;
  weekly: FeedWeekly[];
  monthly: FeedMonthly[];
  events: FeedEvent[];
  scheduleNote?: string;
  free: boolean;
  /** Price and concessions in words. */
  cost?: string;
  ageMin?: number;
  ageMax?: number;
  referral: ReferralType;
  accessibility: AccessibilityFeature[];
  phone?: string;
  email?: string;
  website?: string;
  booking?: string;
  /** Extra search words. */
  tags?: string;
}

export interface DecodedFeed {
  hub: {
    slug: string;
    name: string;
    centre: { lat: number; lng: number };
    bounds: { south: number; west: number; north: number; east: number };
    places: FeedPlace[];
    siteUrl: string;
    exampleData: boolean;
  };
  categories: FeedCategory[];
  assets: FeedAsset[];
}

/** Thrown when a document is not a feed this code understands. */
export class FeedError extends Error {
  override name = 'FeedError';
}

/**
 * Decoded parts that repeat across a feed (weekly times, feature sets, category lists, empty lists) are made once and
 * shared by every asset that has them: a 20,000-asset feed then decodes to far fewer objects, which keeps garbage
 * collection short while a big feed loads. Treat them as read-only.
 */
type Shared = <T>(key: string, make: () => T[]) => T[];

const NONE: never[] = [];

function decodeAsset(row: WireAsset, categories: FeedCategory[], shared: Shared): FeedAsset {
  const [id, name, kind, summary, cats = NONE, org, points, flags = 0, schedule, cost, ageMin = -1, ageMax = -1, referral = 0, access = 0, contact, tags] = row;
  const [weekly = NONE, monthly = NONE, events = NONE, note] = schedule || NONE;
  const pts: { lat: number; lng: number }[] = [];
  if (points) for (let i = 0; i + 1 < points.length; i += 2) pts.push({ lat: points[i] as number, lng: points[i + 1] as number });
  const [phone, email, website, booking] = contact || NONE;
  const asset: FeedAsset = {
    id,
    name,
    kind: ASSET_KINDS[kind] ?? 'service',
    summary: summary ?? '',
    categories: shared(`c${cats}`, () => cats.map((i) => categories[i]?.id as string).filter(Boolean)),
    points: pts,
    areaWide: (flags & FLAG_AREA_WIDE) !== 0,
    online: (flags & FLAG_ONLINE) !== 0,
    byAppointment: (flags & FLAG_BY_APPOINTMENT) !== 0,
    weekly: shared(`w${weekly}`, () =>
      weekly.map(([mask, opens, closes]) => ({ days: DAYS.filter((_, i) => mask & (1 << i)), opens: toTime(opens), closes: toTime(closes) })),
    ),
    monthly: monthly.length
      ? monthly.map(([week, day, opens, closes]) => ({ week, day: DAYS[day] ?? 'mon', opens: toTime(opens), closes: toTime(closes) }))
      : NONE,
    events: events.length ? events.map(([start, end]) => (end ? { start, end } : { start })) : NONE,
    free: (flags & FLAG_FREE) !== 0,
    referral: REFERRAL_TYPES[referral] ?? 'self',
    accessibility: shared(`a${access}`, () => ACCESSIBILITY_FEATURES.filter((_, i) => access & (1 << i))),
  };
  if (org) asset.organisation = org;
  if (note) asset.scheduleNote = note;
  if (cost) asset.cost = cost;
  if (ageMin >= 0) asset.ageMin = ageMin;
  if (ageMax >= 0) asset.ageMax = ageMax;
  if (phone) asset.phone = phone;
  if (email) asset.email = email;
  if (website) asset.website = website;
  if (booking) asset.booking = booking;
  if (tags) asset.tags = tags;
  return asset;
}

/**
 * Decodes asset rows against a feed's categories, sharing repeated parts with earlier calls that passed the same
 * `decoder` (a feed read in chunks decodes each chunk with one decoder).
 */
export function assetDecoder(categories: FeedCategory[]): (rows: readonly WireAsset[]) => FeedAsset[] {
  const made = new Map<string, unknown[]>();
  const shared = <T>(key: string, make: () => T[]) => {
    let value = made.get(key) as T[] | undefined;
    if (!value) {
      value = make();
      made.set(key, value);
    }
    return value;
  };
  return (rows) => rows.map((row) => decodeAsset(row, categories, shared));
}

/** Decodes a feed document; throws FeedError when it is not one. */
export function decodeFeed(feed: unknown): DecodedFeed {
  const f = feed as Feed;
  if (!f || typeof f !== 'object' || f.format !== FEED_FORMAT) throw new FeedError('This is not a Town Digital Hub feed.');
  if (f.version !== FEED_VERSION) throw new FeedError(`Feed version ${String(f.version)} is not supported (expected ${FEED_VERSION}).`);
  if (!Array.isArray(f.assets) || !Array.isArray(f.categories) || !f.hub) throw new FeedError('The feed is incomplete.');
  const categories: FeedCategory[] = f.categories.map(([id, label, parent]) => (parent ? { id, label, parent } : { id, label }));
  const [south, west, north, east] = f.hub.bounds;
  return {
    hub: {
      slug: f.hub.slug,
      name: f.hub.name,
      centre: { lat: f.hub.centre[0], lng: f.hub.centre[1] },
      bounds: { south, west, north, east },
      places: f.hub.places.map(([name, lat, lng]) => ({ name, lat, lng })),
      siteUrl: f.hub.siteUrl,
      exampleData: f.hub.exampleData,
    },
    categories,
    assets: assetDecoder(categories)(f.assets),
  };
}
