import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Asset, AssetSchema, type Hub, HubSchema, loadTaxonomy } from '../src/index.ts';
import {
  EXTENSION_KEY,
  htmlToText,
  type MapContext,
  type Mapped,
  mapService,
  orukApiFiles,
  orukService,
  parseCsv,
  readPage,
  type Skipped,
  servicesFromCsv,
  slugify,
  uuidFor,
} from '../src/oruk/index.ts';
import { endpointOf, orukValidators } from './fixtures/oruk/validator.ts';

const EXAMPLES = new URL('./fixtures/oruk/upstream/examples/', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/oruk/', import.meta.url).pathname;
const DATA = new URL('../../../hub-data/', import.meta.url).pathname;
const { categories } = loadTaxonomy(DATA);
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const hub: Hub = HubSchema.parse({
  slug: 'test-town',
  name: 'Test Town Community Hub',
  constituency: { name: 'Birmingham Ladywood', onsCode: 'E14001096' },
  region: 'West Midlands',
  councils: ['Birmingham City Council'],
  centre: { lat: 52.48, lng: -1.91 },
  bounds: { south: 52.45, west: -1.96, north: 52.51, east: -1.86 },
  population: 110000,
  intro: 'A hub for tests.',
  contact: { email: 'hub@example.org' },
  languages: ['en-GB'],
  siteUrl: 'https://test-town.example.org/',
  repository: { url: 'https://github.com/example/town-digital-hub', branch: 'main' },
  licence: 'OGL-UK-3.0',
});

const ctx: MapContext = {
  categories,
  hub,
  today: '2026-11-23',
  mapping: {
    terms: [{ match: ['Food banks', 'befriending'], categories: ['food'] }],
    keywords: [{ words: ['counselling'], categories: ['mental-wellbeing'] }],
  },
};

function mapped(record: unknown, context = ctx): Mapped {
  const result = mapService(record, context);
  assert.ok(result.ok, `expected the record to map, got ${JSON.stringify(result)}`);
  return result;
}

describe('text clean-up', () => {
  test('HTML becomes paragraphs and "- " list items, with scripts and entities handled', () => {
    assert.equal(
      htmlToText('<p>Hello &amp; welcome.</p><ul><li>Tea</li><li>Cake &pound;1</li></ul><script>alert(1)</script><p>Bye<br>now</p>'),
      'Hello & welcome.\n\n- Tea\n- Cake £1\n\nBye\nnow',
    );
  });
  test('escaped markup never comes back as a tag', () => {
    const text = htmlToText('Use &lt;script&gt;alert(1)&lt;/script&gt; here') ?? '';
    assert.doesNotMatch(text, /<\s*\/?\s*[a-z!][^>]*>/i);
  });
  test('plain text keeps its line breaks; empty strings are absent', () => {
    assert.equal(htmlToText('Line one\nLine two\n\n\n\n- a\n- b  '), 'Line one\nLine two\n\n- a\n- b');
    assert.equal(htmlToText('   '), undefined);
    assert.equal(htmlToText(''), undefined);
  });
  test('slugs', () => {
    assert.equal(slugify("St Mary's Café & Garden"), 'st-marys-cafe-and-garden');
  });
});

describe('reading documents', () => {
  test('3.0 and v1 envelopes, arrays and single services are recognised', () => {
    assert.equal(readPage(json(join(EXAMPLES, 'service_list.json')), 'x').version, '3.0');
    assert.equal(readPage(json(join(FIXTURES, 'v1-page.json')), 'x').version, '1.0');
    assert.equal(readPage([{ id: 'a', name: 'A' }], 'x').records.length, 1);
    assert.equal(readPage(json(join(EXAMPLES, 'service_full.json')), 'x').records.length, 1);
    assert.throws(() => readPage({ hello: 1 }, 'feed.json'), /feed\.json is not Open Referral UK service data/);
  });
  test('service_at_location lists become services with that location', () => {
    const page = readPage(json(join(EXAMPLES, 'service_at_location_list.json')), 'x');
    const service = page.records[0] as { name: string; service_at_locations: unknown[] };
    assert.equal(service.name, 'Community Counselling');
    assert.equal(service.service_at_locations.length, 1);
  });
  test('CSV with CR CR LF line ends, quotes and blank rows', () => {
    assert.deepEqual(parseCsv('a,b\r\r\n1,"x, ""y"""\r\r\n\r\n2,\r\n'), [
      { a: '1', b: 'x, "y"' },
      { a: '2', b: '' },
    ]);
  });
});

describe('the official examples', () => {
  const expected = {
    id: 'community-counselling',
    name: 'Community Counselling',
    kind: 'service',
    summary: 'Counselling Services provided by trained professionals.',
    categories: ['mental-wellbeing'],
    organisation: { name: 'Example Organization Inc.', companyNumber: '01234567' },
    areaWide: true,
    cost: { free: false, amount: 35, description: 'Under 18s and Over 60s: £35 per 1 hour session' },
    eligibility: { ageMin: 12, ageMax: 100, referral: 'either' },
    lastReviewed: '2005-01-01',
  };

  test('service_full.json maps to a valid asset; latitude 100 is dropped with a warning', () => {
    const result = mapped(readPage(json(join(EXAMPLES, 'service_full.json')), 'x').records[0]);
    assert.partialDeepStrictEqual(result.asset, expected);
    assert.equal(result.asset.online, true);
    assert.deepEqual(result.asset.schedule?.weekly, [
      {
        days: ['thu', 'fri'],
        opens: '10:00',
        closes: '18:00',
        note: 'Some of our staff will be unavailable during their lunch break which may be any 30 minute period between 1200 and 1400',
      },
    ]);
    assert.match(result.asset.schedule?.note ?? '', /10 am to 6pm weekdays/);
    assert.deepEqual(result.asset.accessibility, ['step-free', 'hearing-loop']);
    assert.equal(result.asset.locations, undefined);
    assert.ok(result.warnings.some((w) => /impossible coordinates 100, 101 dropped/.test(w)));
    assert.deepEqual(result.unmappedTerms, ['name (http://example.com)']);
    assert.ok(AssetSchema.safeParse(result.asset).success);
  });

  test('the CSV package nests into the same service, with the quoted phone number cleaned', () => {
    const dir = join(EXAMPLES, 'csv');
    const files = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const services = servicesFromCsv(files);
    assert.equal(services.length, 1);
    const result = mapped(services[0]);
    assert.partialDeepStrictEqual(result.asset, expected);
    assert.equal(result.asset.contact?.phone, '+44 1234 234567');
    assert.equal(result.asset.schedule?.weekly?.length, 1, 'schedule.csv and schedules.csv hold the same row once');
    assert.ok(AssetSchema.safeParse(result.asset).success);
  });
});

describe('hand-made v1 feed', () => {
  const records = readPage(json(join(FIXTURES, 'v1-page.json')), 'v1').records;

  test('HTML, phones in contacts, taxonomy, schedules, closures, ages and languages', () => {
    const result = mapped(records[0]);
    const a = result.asset;
    assert.equal(a.name, 'Ladywood Food Bank');
    assert.equal(a.summary, 'Emergency food parcels for anyone in need.');
    assert.equal(a.description, 'We can also help with:\n\n- Fuel vouchers\n- Benefits advice & referrals');
    assert.deepEqual(a.categories, ['food']);
    assert.deepEqual(a.locations, [
      { name: "St John's Hall", address: ['12 Example Street'], town: 'Birmingham', postcode: 'B16 8AA', lat: 52.4801, lng: -1.9102 },
    ]);
    assert.deepEqual(a.schedule, {
      weekly: [{ days: ['tue', 'thu'], opens: '10:00', closes: '12:30' }],
      monthly: [{ week: 1, day: 'sat', opens: '09:00', closes: '11:00' }],
      closures: [{ from: '2026-12-24', to: '2027-01-02' }],
    });
    assert.deepEqual(a.cost, { free: true, description: 'Free' });
    assert.deepEqual(a.eligibility, { ageMin: 18, whoFor: 'Adults with a food bank voucher', referral: 'needed' });
    assert.deepEqual(a.contact, { phone: '0121 496 0101', website: 'https://ladywood-foodbank.example.org/' });
    assert.deepEqual(a.languages, ['en', 'ur']);
    assert.deepEqual(a.accessibility, ['step-free']);
    assert.equal(a.lastReviewed, '2026-02-10');
    assert.equal(a.areaWide, undefined);
    assert.deepEqual(result.unmappedTerms, ['Widget repair (zz-9)']);
    assert.ok(result.warnings.some((w) => /language "Klingon" dropped/.test(w)));
    assert.ok(AssetSchema.safeParse(a).success);
  });

  test('an empty name and a defunct service are skipped with their reasons', () => {
    assert.partialDeepStrictEqual(mapService(records[1], ctx), { ok: false, reason: 'no-name', sourceId: '1002' });
    assert.partialDeepStrictEqual(mapService(records[3], ctx), { ok: false, reason: 'inactive', name: 'Closed Club' });
  });

  test('a location outside the hub drops the record as outside-hub', () => {
    const far = structuredClone(records[0]) as { service_at_locations: { location: { latitude: number } }[] };
    const first = far.service_at_locations[0];
    assert.ok(first);
    first.location.latitude = 53.5;
    const result = mapService(far, ctx) as Skipped;
    assert.equal(result.reason, 'outside-hub');
  });
});

describe('hand-made 3.0 service', () => {
  const record = json(join(FIXTURES, 'v3-service.json'));

  test('phones from both places, bad fields dropped, ages checked, future dates clamped', () => {
    const result = mapped(record);
    const a = result.asset;
    assert.equal(a.contact?.phone, '0121 496 0202', 'service.phones (quotes removed) comes first');
    assert.equal(a.contact?.email, 'calls@example.org');
    assert.equal(a.contact?.website, undefined);
    assert.ok(result.warnings.some((w) => /url "example\/not-a-url" dropped/.test(w)));
    assert.deepEqual(a.eligibility, { ageMin: 60, referral: 'either' });
    assert.ok(result.warnings.some((w) => /maximum_age 150 dropped/.test(w)));
    assert.equal(a.lastReviewed, '2026-11-23');
    assert.ok(result.warnings.some((w) => /in the future/.test(w)));
    assert.deepEqual(a.cost, { free: true, description: 'Free' });
    assert.equal(a.areaWide, true);
    assert.equal(a.locations, undefined);
    assert.ok(result.warnings.some((w) => /impossible coordinates 100, 101/.test(w)));
    assert.ok(result.warnings.some((w) => /closes 13:00 is not after opens 14:00/.test(w)));
    assert.equal(a.schedule?.note, 'Afternoons');
    assert.deepEqual(result.unmappedTerms, ['Mystery term (https://example.org/terms/mystery)']);
    assert.equal((a as Record<string, unknown>).x_supplier_rating, undefined);
  });

  test('without any term or keyword that maps, the record is skipped as no-category', () => {
    const result = mapService(record, { ...ctx, mapping: { terms: [], keywords: [] } });
    assert.partialDeepStrictEqual(result, { ok: false, reason: 'no-category' });
  });
});

// ---------------------------------------------------------------------------
// Export

const assets: Asset[] = [
  // Only fields the standard can carry: exports without the local property.
  AssetSchema.parse({
    id: 'summerfield-walking-group',
    name: 'Summerfield Walking Group',
    kind: 'group',
    summary: 'Gentle walks around Summerfield Park.',
    description: 'We walk for about an hour.\n\n- Wear good shoes\n- Bring water',
    categories: ['physical-activity', 'older-people'],
    organisation: { name: 'Summerfield Trust', charityNumber: '1123456' },
    locations: [{ name: 'Park gates', address: ['Dudley Road'], town: 'Birmingham', postcode: 'B18 7QT', lat: 52.4862, lng: -1.9409 }],
    schedule: { weekly: [{ days: ['tue', 'thu'], opens: '10:00', closes: '11:30', note: 'Meet at the gates' }], note: 'Not on bank holidays.' },
    cost: { free: true, description: 'Free' },
    eligibility: { ageMin: 50, referral: 'self' },
    accessibility: ['step-free', 'seating'],
    contact: { phone: '0121 496 0000', email: 'walks@example.org', website: 'https://walks.example.org/' },
    lastReviewed: '2026-10-01',
  }),
  // Everything else, carried by the local property.
  AssetSchema.parse({
    id: 'ladywood-craft-club',
    name: 'Craft Club at the Library',
    kind: 'activity',
    summary: 'Knit, sew and chat.',
    categories: ['arts-and-creativity'],
    areaWide: false,
    online: true,
    locations: [{ address: ['Unit 3, Mill Lane', 'Ladywood'], postcode: 'b16 8aa', lat: 52.479, lng: -1.925 }],
    schedule: {
      monthly: [{ week: -1, day: 'fri', opens: '18:00', closes: '20:00' }],
      events: [{ start: '2027-01-15T18:30', end: '2027-01-15T20:00', title: 'New Year social' }],
      closures: [{ from: '2026-12-24', to: '2027-01-02', reason: 'Christmas break' }],
      byAppointment: true,
    },
    cost: { free: false, amount: 3.5, description: '£3.50 a session', concessions: '£1.50 for people on benefits' },
    eligibility: { ageMin: 16, ageMax: 99, whoFor: 'Anyone who likes making things', referral: 'either' },
    contact: { booking: 'https://example.org/book' },
    languages: ['en', 'pa'],
    volunteering: { roles: ['Tea and chat host'], commitment: 'Two hours a month' },
    lastReviewed: '2026-09-12',
    source: { feed: 'https://council.example.org/api/services', id: 'abc', hash: '0123456789abcdef' },
    tags: ['knitting', 'sewing'],
  }),
  AssetSchema.parse({
    id: 'advice-line',
    name: 'Advice Line',
    kind: 'service',
    summary: 'Money advice by phone.',
    categories: ['money-and-debt'],
    areaWide: true,
    cost: { free: false },
    eligibility: { referral: 'needed' },
    lastReviewed: '2026-01-01',
  }),
];

describe('export', () => {
  const files = orukApiFiles(hub, categories, assets, { pageSize: 2 });
  const validators = orukValidators();

  test('the validator accepts the official examples and rejects a broken document', () => {
    assert.ok(validators['/services/{id}'](json(join(EXAMPLES, 'service_full.json'))));
    assert.ok(validators['/services'](json(join(EXAMPLES, 'service_list.json'))));
    assert.ok(validators['/taxonomy_terms'](json(join(EXAMPLES, 'taxonomy_term_list.json'))));
    assert.equal(validators['/services/{id}']({ id: 'not-a-uuid', name: 'x', status: 'open' }), false);
    assert.equal(validators['/services/{id}']({ id: uuidFor('x'), name: 'x', status: 'active', email: 'nope' }), false);
  });

  test('every exported document validates against the UK profile', () => {
    assert.ok(files.size >= 10);
    for (const [file, doc] of files) {
      const validate = validators[endpointOf(file)];
      assert.ok(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  test('the URL → file layout: metadata, every page, every service, taxonomies and terms', () => {
    assert.deepEqual(files.get('api/oruk/index.json'), {
      version: 'HSDS-UK-3.0',
      profile: 'https://openreferraluk.org/',
      openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
    });
    const first = files.get('api/oruk/services/index.json') as Record<string, unknown>;
    assert.partialDeepStrictEqual(first, { total_items: 3, total_pages: 2, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    assert.deepEqual(files.get('api/oruk/services/page/1/index.json'), first);
    assert.partialDeepStrictEqual(files.get('api/oruk/services/page/2/index.json'), { page_number: 2, size: 1, last_page: true });
    for (const a of assets) assert.ok(files.has(`api/oruk/services/${uuidFor(`test-town:service:${a.id}`)}/index.json`));
    const listed = (first.contents as Record<string, unknown>[])[0] ?? {};
    assert.equal(listed.schedules, undefined, 'list pages carry one-to-one fields only');
    assert.equal(listed[EXTENSION_KEY], undefined);
    const taxonomies = files.get('api/oruk/taxonomies/index.json') as { contents: { name: string }[] };
    assert.deepEqual(
      taxonomies.contents.map((t) => t.name),
      ['townhub-categories', 'townhub-kinds', 'townhub-referral', 'townhub-accessibility'],
    );
    assert.partialDeepStrictEqual(files.get('api/oruk/taxonomy_terms/index.json'), { total_items: categories.length + 7 + 3 + 12 });
  });

  test('empty fields are omitted, never null or empty', () => {
    const walk = (value: unknown, path: string) => {
      assert.notEqual(value, null, `${path} is null`);
      assert.notEqual(value, '', `${path} is empty`);
      if (Array.isArray(value)) {
        assert.ok(value.length > 0 || path.endsWith('contents'), `${path} is an empty list`);
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== EXTENSION_KEY) walk(v, `${path}.${k}`);
    };
    for (const [file, doc] of files) walk(doc, file);
  });

  test('export → import gives back the same assets', () => {
    for (const asset of assets) {
      const doc = files.get(`api/oruk/services/${uuidFor(`test-town:service:${asset.id}`)}/index.json`);
      const back = mapped(doc, { ...ctx, mapping: { terms: [], keywords: [] } });
      const { source: _source, ...expected } = asset;
      assert.deepEqual(back.asset, expected);
    }
  });

  test('an asset the standard fields can carry needs no local property, and maps back without it', () => {
    const [plain] = assets;
    assert.ok(plain);
    const doc = orukService(hub, categories, plain);
    assert.equal(doc[EXTENSION_KEY], undefined, JSON.stringify(doc[EXTENSION_KEY]));
    const back = mapped(doc, { ...ctx, mapping: { terms: [], keywords: [] } });
    assert.deepEqual(back.asset, plain);
  });

  test('without the local property the standard fields still carry the essentials', () => {
    const crafty = assets[1];
    assert.ok(crafty);
    const { [EXTENSION_KEY]: extension, ...doc } = orukService(hub, categories, crafty);
    assert.ok(extension);
    const back = mapped(doc, { ...ctx, mapping: { terms: [], keywords: [] } }).asset;
    assert.equal(back.name, crafty.name);
    assert.equal(back.kind, 'activity');
    assert.deepEqual(back.categories, crafty.categories);
    assert.deepEqual(back.schedule?.monthly, crafty.schedule?.monthly);
    assert.deepEqual(back.cost, crafty.cost);
    assert.equal(back.online, true);
    assert.equal(back.schedule?.byAppointment, true);
  });
});
