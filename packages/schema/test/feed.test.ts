import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type Asset, AssetSchema, type Category, decodeFeed, type FeedAsset, FeedError, feedJson, type Hub, HubSchema, toFeed } from '../src/index.ts';

const hub: Hub = HubSchema.parse({
  slug: 'demo',
  name: 'Demo Hub',
  constituency: { name: 'Birmingham Ladywood', onsCode: 'E14000564' },
  region: 'West Midlands',
  councils: ['Birmingham City Council'],
  centre: { lat: 52.48, lng: -1.91 },
  bounds: { south: 52.45, west: -1.96, north: 52.51, east: -1.86 },
  population: 100000,
  intro: 'Hello.',
  contact: { email: 'hello@example.org' },
  languages: ['en-GB'],
  siteUrl: 'https://hubs.example.org/demo/',
  repository: { url: 'https://github.com/example/town-digital-hub', branch: 'main' },
  places: [{ name: 'Summerfield', lat: 52.4851, lng: -1.9402 }],
  licence: 'OGL-UK-3.0',
  exampleData: true,
});
const categories: Category[] = [
  { id: 'food', label: 'Food', description: 'Food.' },
  { id: 'money-and-debt', label: 'Money and debt', description: 'Money.', parent: 'food' },
];
const full: Asset = AssetSchema.parse({
  id: 'pantry',
  name: 'Ladywood Pantry',
  kind: 'service',
  summary: 'Low-cost food club.',
  categories: ['food', 'money-and-debt'],
  organisation: { name: 'Pantry Trust' },
  locations: [{ address: ['1 High St'], postcode: 'B16 8AA', lat: 52.481234, lng: -1.912345 }],
  schedule: {
    weekly: [{ days: ['mon', 'thu'], opens: '09:30', closes: '12:00' }],
    monthly: [{ week: -1, day: 'sat', opens: '10:00', closes: '13:00' }],
    events: [{ start: '2027-01-10T10:00', end: '2027-01-10T12:00' }, { start: '2027-02-10T10:00' }],
    byAppointment: true,
    note: 'Bring a bag.',
  },
  cost: { free: false, amount: 3.5, concessions: 'Free for people on benefits' },
  eligibility: { ageMin: 16, ageMax: 99, referral: 'either' },
  accessibility: ['step-free', 'bsl', 'seating'],
  contact: { phone: '0121 496 0000', email: 'pantry@example.org', website: 'https://pantry.example.org/', booking: 'https://pantry.example.org/book' },
  lastReviewed: '2026-10-01',
  tags: ['food club', 'pantry'],
});
const minimal: Asset = AssetSchema.parse({
  id: 'helpline',
  name: 'Helpline',
  kind: 'service',
  summary: 'Someone to talk to.',
  categories: ['money-and-debt'],
  online: true,
  cost: { free: true },
  eligibility: { referral: 'self' },
  lastReviewed: '2026-10-01',
});

describe('feed', () => {
  const feed = toFeed(hub, categories, [full, minimal]);
  const decoded = decodeFeed(JSON.parse(JSON.stringify(feed)));
  const byId = (id: string) => decoded.assets.find((a) => a.id === id);

  it('round-trips every field the widgets use', () => {
    const a = byId('pantry');
    assert.deepEqual(a, {
      id: 'pantry',
      name: 'Ladywood Pantry',
      kind: 'service',
      summary: 'Low-cost food club.',
      categories: ['food', 'money-and-debt'],
      organisation: 'Pantry Trust',
      points: [{ lat: 52.4812, lng: -1.9123 }],
      areaWide: false,
      online: false,
      byAppointment: true,
      weekly: [{ days: ['mon', 'thu'], opens: '09:30', closes: '12:00' }],
      monthly: [{ week: -1, day: 'sat', opens: '10:00', closes: '13:00' }],
      events: [{ start: '2027-01-10T10:00', end: '2027-01-10T12:00' }, { start: '2027-02-10T10:00' }],
      scheduleNote: 'Bring a bag.',
      free: false,
      cost: '£3.50. Free for people on benefits',
      ageMin: 16,
      ageMax: 99,
      referral: 'either',
      accessibility: ['step-free', 'bsl', 'seating'],
      phone: '0121 496 0000',
      email: 'pantry@example.org',
      website: 'https://pantry.example.org/',
      booking: 'https://pantry.example.org/book',
      tags: 'food club pantry',
    });
  });

  it('keeps a minimal asset minimal', () => {
    assert.deepEqual(byId('helpline'), {
      id: 'helpline',
      name: 'Helpline',
      kind: 'service',
      summary: 'Someone to talk to.',
      categories: ['money-and-debt'],
      points: [],
      areaWide: false,
      online: true,
      byAppointment: false,
      weekly: [],
      monthly: [],
      events: [],
      free: true,
      referral: 'self',
      accessibility: [],
    });
    assert.ok(JSON.stringify(feed.assets.find((row) => row[0] === 'helpline')).length < 80, 'empty trailing fields are dropped');
  });

  it('carries the hub, its places and the taxonomy', () => {
    assert.deepEqual(decoded.hub.places, [{ name: 'Summerfield', lat: 52.4851, lng: -1.9402 }]);
    assert.deepEqual(decoded.hub.bounds, { south: 52.45, west: -1.96, north: 52.51, east: -1.86 });
    assert.deepEqual(decoded.categories[1], { id: 'money-and-debt', label: 'Money and debt', parent: 'food' });
  });

  it('lists assets in name order, lower-cased, equal names in the order given', () => {
    const names = ['beta', 'Alpha', 'alpha', 'Zed', 'ápple', 'Alpha club', 'alpha'];
    const rows = toFeed(
      hub,
      categories,
      names.map((name, i) => ({ ...minimal, id: `a${i}`, name })),
    ).assets;
    assert.deepEqual(
      rows.map((row) => row[0]),
      ['a1', 'a2', 'a6', 'a5', 'a0', 'a3', 'a4'],
    );
  });

  it('shares repeated decoded parts between assets and decodes empty parts alike', () => {
    const two = decodeFeed(JSON.parse(JSON.stringify(toFeed(hub, categories, [full, { ...full, id: 'pantry-2' }, minimal]))));
    const [c, a, b] = two.assets as [FeedAsset, FeedAsset, FeedAsset];
    assert.equal(a.weekly, b.weekly);
    assert.equal(a.categories, b.categories);
    assert.equal(a.accessibility, b.accessibility);
    assert.notEqual(a.points, b.points);
    assert.deepEqual([c.weekly, c.monthly, c.events, c.accessibility], [[], [], [], []]);
  });

  it('rejects documents that are not feeds', () => {
    assert.throws(() => decodeFeed({ hello: 1 }), FeedError);
    assert.throws(() => decodeFeed(null), FeedError);
    assert.throws(() => decodeFeed({ ...feed, version: 99 }), /version 99/);
  });

  it('is compact: well under 120 gzipped bytes per asset over many assets', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...full, id: `pantry-${i}`, name: `Pantry ${i} café’s £` }));
    const bytes = gzipSync(feedJson(toFeed(hub, categories, many))).length;
    assert.ok(bytes / 500 < 120, `${(bytes / 500).toFixed(1)} bytes per asset`);
  });

  it('is served as ASCII-only JSON, one asset row per line, that decodes to the same feed', () => {
    const odd = toFeed(hub, categories, [{ ...full, name: 'Café “Ŵ” 😀 £3 \\ "q"\u2028\nnext line' }, full]);
    const text = feedJson(odd);
    assert.match(text, /^[\x20-\x7e\n]*$/);
    const lines = text.split('\n');
    assert.equal(lines.length, odd.assets.length + 2);
    assert.ok(lines[0]?.endsWith('"assets":['));
    assert.equal(lines.at(-1), ']}');
    assert.deepEqual(JSON.parse(text), odd);
  });
});
