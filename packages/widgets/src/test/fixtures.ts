/**
 * Test and story data: feeds built with the schema's own `toFeed` over hand-made assets, and a deterministic
 * generator for large feeds. Never shipped.
 */
import type { Asset, Category, Hub } from '@townhub/schema';
import { type DecodedFeed, decodeFeed, type Feed, toFeed } from '@townhub/schema/feed';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS } from '@townhub/schema/vocabulary';

export const categories: Category[] = [
  { id: 'mental-wellbeing', label: 'Mental wellbeing', description: 'Feeling better.' },
  { id: 'loneliness-and-befriending', label: 'Loneliness and befriending', description: 'Meeting people.' },
  { id: 'physical-activity', label: 'Physical activity', description: 'Moving more.' },
  { id: 'arts-and-creativity', label: 'Arts and creativity', description: 'Making things.' },
  { id: 'nature-and-green-spaces', label: 'Nature and green spaces', description: 'Outdoors.' },
  { id: 'food', label: 'Food', description: 'Food.' },
  { id: 'money-and-debt', label: 'Money and debt', description: 'Money.' },
  { id: 'safety', label: 'Safety', description: 'Safety.' },
  { id: 'domestic-abuse', label: 'Domestic abuse', description: 'Help.', parent: 'safety' },
  { id: 'older-people', label: 'Older people', description: 'Later life.' },
];

export const hub: Hub = {
  slug: 'test-town',
  name: 'Test Town Hub',
  constituency: { name: 'Test Town', onsCode: 'E14000001' },
  region: 'West Midlands',
  councils: ['Test Council'],
  centre: { lat: 52.48, lng: -1.92 },
  bounds: { south: 52.4, west: -2.05, north: 52.56, east: -1.8 },
  population: 100000,
  intro: 'Example hub.',
  contact: { email: 'hello@example.org' },
  languages: ['en-GB'],
  siteUrl: 'https://test-town.example.org/',
  repository: { url: 'https://example.org/repo', branch: 'main' },
  places: [
    { name: 'Town Centre', lat: 52.48, lng: -1.92 },
    { name: 'North End', lat: 52.54, lng: -1.92 },
  ],
  licence: 'OGL-UK-3.0',
  exampleData: true,
};

const base = (id: string, name: string, extra: Partial<Asset> = {}): Asset => ({
  id,
  name,
  kind: 'group',
  summary: '',
  categories: ['mental-wellbeing'],
  cost: { free: true },
  eligibility: { referral: 'self' },
  lastReviewed: '2026-10-01',
  locations: [{ address: ['1 High Street'], postcode: 'B1 1AA', lat: 52.48, lng: -1.92 }],
  ...extra,
});

const at = (lat: number, lng: number) => [{ address: ['1 Street'], postcode: 'B1 1AA', lat, lng }];

/** A small, hand-made hub whose search and filter results are known. */
export const sampleAssets: Asset[] = [
  base('walking-group', 'Ladywood Walking Group', {
    summary: 'A gentle walk around the reservoir, then tea.',
    categories: ['physical-activity', 'loneliness-and-befriending'],
    organisation: { name: 'Canal Friends' },
    schedule: { weekly: [{ days: ['tue'], opens: '10:00', closes: '12:00' }] },
    accessibility: ['step-free', 'seating'],
    eligibility: { referral: 'self', ageMin: 18 },
    locations: at(52.481, -1.921),
    contact: { phone: '0121 496 0000', website: 'https://walking.example.org/' },
  }),
  base('art-club', 'Canal Art Club', {
    kind: 'activity',
    summary: 'Painting and drawing for beginners; walking tours of murals in summer.',
    categories: ['arts-and-creativity'],
    organisation: { name: 'Ladywood Arts Trust' },
    schedule: { weekly: [{ days: ['wed', 'fri'], opens: '18:00', closes: '20:00' }] },
    cost: { free: false, amount: 3, description: '£3 a session' },
    accessibility: ['hearing-loop'],
    eligibility: { referral: 'self', ageMin: 16 },
    locations: at(52.53, -1.92),
  }),
  base('debt-advice', 'Money Matters Advice', {
    kind: 'service',
    summary: 'Free, confidential help with debts, benefits and bills.',
    categories: ['money-and-debt'],
    organisation: { name: 'Citizens Help' },
    schedule: { weekly: [{ days: ['mon', 'thu'], opens: '09:00', closes: '13:00' }], byAppointment: true },
    eligibility: { referral: 'needed' },
    areaWide: true,
    locations: undefined,
  }),
  base('lunch-club', 'Friday Lunch Club', {
    summary: 'A hot two-course lunch and company for older people.',
    categories: ['food', 'older-people', 'loneliness-and-befriending'],
    organisation: { name: 'St Mark Church' },
    schedule: { weekly: [{ days: ['fri'], opens: '12:00', closes: '14:00' }] },
    cost: { free: false, amount: 4 },
    accessibility: ['step-free', 'accessible-toilet'],
    eligibility: { referral: 'either', ageMin: 60 },
    locations: at(52.47, -1.95),
  }),
  base('youth-football', 'Youth Football', {
    kind: 'activity',
    summary: 'Weekly football sessions for young people.',
    categories: ['physical-activity'],
    schedule: { weekly: [{ days: ['sat'], opens: '09:00', closes: '11:00' }] },
    eligibility: { referral: 'self', ageMin: 8, ageMax: 16 },
    locations: at(52.5, -1.9),
  }),
  base('safe-space', 'Safe Space Helpline', {
    kind: 'service',
    summary: 'Confidential support for anyone affected by domestic abuse.',
    categories: ['domestic-abuse'],
    online: true,
    locations: undefined,
    schedule: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '23:59' }] },
    eligibility: { referral: 'self' },
    contact: { phone: '0800 000 0000', email: 'help@example.org' },
  }),
];

/** The sample hub as a feed document (what `src="feed.json"` serves). */
export function sampleFeed(): Feed {
  return toFeed(hub, categories, sampleAssets);
}

/** The sample hub decoded (what the `.feed` property takes). */
export function sampleDecoded(): DecodedFeed {
  return decodeFeed(JSON.parse(JSON.stringify(sampleFeed())));
}

/** A small deterministic pseudo-random generator (mulberry32), so large feeds are the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  first: ['Ladywood', 'Canal', 'Reservoir', 'Park', 'Jewellery Quarter', 'Edgbaston', 'Summerfield', 'Brookfields', 'Spring Hill', 'Rotton Park'],
  what: ['Walking', 'Knit and Natter', 'Coffee Morning', 'Men’s Shed', 'Choir', 'Food Bank', 'Debt Advice', 'Gardening', 'Yoga', 'Reading', 'Dance', 'Chess'],
  suffix: ['Group', 'Club', 'Circle', 'Project', 'Café', 'Session', 'Network'],
};

/** A large, realistic-looking feed of `count` assets (deterministic for a given seed). */
export function syntheticFeed(count: number, seed = 1): Feed {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const assets: Asset[] = [];
  for (let i = 0; i < count; i++) {
    const what = pick(WORDS.what);
    const name = `${pick(WORDS.first)} ${what} ${pick(WORDS.suffix)} ${i + 1}`;
    const opens = 8 + Math.floor(rnd() * 11);
    const free = rnd() < 0.6;
    const ageMin = rnd() < 0.3 ? pick([5, 11, 16, 18, 50, 60]) : undefined;
    assets.push({
      id: `asset-${i + 1}`,
      name,
      kind: pick(ASSET_KINDS),
      summary: `${what} for local people, run by volunteers. Come along and meet your neighbours.`,
      categories: [pick(categories).id, ...(rnd() < 0.4 ? [pick(categories).id] : [])].filter((c, j, all) => all.indexOf(c) === j),
      organisation: { name: `${pick(WORDS.first)} Community Trust` },
      locations: at(hub.bounds.south + rnd() * (hub.bounds.north - hub.bounds.south), hub.bounds.west + rnd() * (hub.bounds.east - hub.bounds.west)),
      schedule: {
        weekly: [{ days: [pick(DAYS)], opens: `${String(opens).padStart(2, '0')}:00`, closes: `${String(opens + 2).padStart(2, '0')}:00` }],
      },
      cost: free ? { free: true } : { free: false, amount: 1 + Math.floor(rnd() * 5) },
      eligibility: { referral: pick(['self', 'needed', 'either'] as const), ...(ageMin ? { ageMin } : {}) },
      accessibility: ACCESSIBILITY_FEATURES.filter(() => rnd() < 0.2),
      lastReviewed: '2026-10-01',
      tags: rnd() < 0.2 ? ['wellbeing'] : undefined,
    });
  }
  return toFeed(hub, categories, assets);
}
