import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS, HubSchema, hubSlugs, loadTaxonomy, parseYaml } from '@townhub/schema';
import { stringify } from 'yaml';
import { type Command, DEFAULT_DATA_ROOT, parseOptions, positiveInt, UsageError } from '../cli.ts';

/** Small, fast, seedable PRNG (mulberry32) so the same seed always gives the same hub. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Summerfield',
  'Winson Green',
  'Ladywood',
  'Edgbaston',
  'Harborne',
  'Quinton',
  'Bearwood',
  'Handsworth',
  'Aston',
  'Nechells',
  'Digbeth',
  'Moseley',
  'Kings Heath',
  'Selly Park',
  'Bournville',
  'Stirchley',
  'Erdington',
  'Kingstanding',
  'Yardley',
  'Acocks Green',
];
const ACTIVITIES: [string, string[]][] = [
  ['Walking Group', ['physical-activity', 'nature-and-green-spaces']],
  ['Knit and Natter', ['arts-and-creativity', 'loneliness-and-befriending']],
  ['Community Choir', ['arts-and-creativity', 'mental-wellbeing']],
  ['Men’s Shed', ['loneliness-and-befriending', 'mental-wellbeing']],
  ['Food Bank', ['food', 'money-and-debt']],
  ['Benefits Advice Drop-in', ['money-and-debt']],
  ['Debt Help Clinic', ['money-and-debt']],
  ['Housing Advice Surgery', ['housing']],
  ['Recovery Café', ['addiction-and-recovery', 'mental-wellbeing']],
  ['Domestic Abuse Support Line', ['domestic-abuse', 'safety']],
  ['Community Garden', ['nature-and-green-spaces', 'volunteering']],
  ['Chair Yoga', ['physical-activity', 'older-people', 'long-term-health-conditions']],
  ['English Conversation Club', ['learning-and-skills', 'faith-and-culture']],
  ['Digital Drop-in', ['digital-skills', 'older-people']],
  ['Job Club', ['employment', 'learning-and-skills']],
  ['Carers’ Coffee Morning', ['carers', 'loneliness-and-befriending']],
  ['Stay and Play', ['children-and-families']],
  ['Lunch Club', ['older-people', 'food', 'loneliness-and-befriending']],
  ['Peer Support Group', ['mental-wellbeing']],
  ['Befriending Service', ['loneliness-and-befriending', 'older-people']],
  ['Community Kitchen', ['food', 'learning-and-skills']],
  ['Diabetes Support Group', ['long-term-health-conditions']],
  ['Volunteer Drivers', ['volunteering', 'older-people']],
  ['Faith Centre Open Day', ['faith-and-culture']],
  ['Art Class', ['arts-and-creativity']],
  ['Park Run Buddies', ['physical-activity']],
];
const QUALIFIERS = ['Friendly', 'Community', 'Neighbourhood', 'Together', 'Wellbeing', 'Open Door', 'Riverside', 'Park Lane', 'Hope', 'New Start'];
const STREETS = [
  'High Street',
  'Church Road',
  'Park Avenue',
  'Station Road',
  'Victoria Road',
  'Mill Lane',
  'School Road',
  'Green Lane',
  'Queens Road',
  'King Street',
];
const SUMMARIES = [
  'A warm welcome, a cup of tea and time to chat with people nearby.',
  'Free, friendly sessions for all abilities; come along on your own or bring a friend.',
  'Practical help and advice from trained volunteers, in confidence.',
  'Meet new people, learn something new and feel part of your community.',
  'Gentle, supported sessions led by local volunteers; no experience needed.',
];

export const generate: Command = (argv, io) => {
  const { values } = parseOptions(argv, {
    hub: { type: 'string' },
    assets: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(
      'Usage: townhub generate --hub <slug> --assets <n> --out <dir> [--seed <n>] [--data <dir>]\nWrites a deterministic synthetic data root with one hub of n assets.\n',
    );
    return 0;
  }
  if (!values.hub || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.hub)) throw new UsageError('--hub is required and must be a slug such as birmingham-ladywood.');
  if (!values.out) throw new UsageError('--out is required: the folder to write the generated data root into.');
  const count = positiveInt(values.assets, 'assets');
  const seed = positiveInt(values.seed, 'seed', 1);
  const source = values.data ? resolve(io.cwd, values.data) : DEFAULT_DATA_ROOT;
  const out = resolve(io.cwd, values.out);
  const slug = values.hub;
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

  const hubDir = join(out, 'hubs', slug);
  const assetDir = join(hubDir, 'assets');
  mkdirSync(assetDir, { recursive: true });
  copyFileSync(join(source, 'taxonomy.yaml'), join(out, 'taxonomy.yaml'));
  const categoryIds = new Set(loadTaxonomy(out).categories.map((c) => c.id));

  // Reuse the real hub's settings when there is one, so coordinates land in the real constituency.
  const realHub = hubSlugs(source).includes(slug) ? join(source, 'hubs', slug, 'hub.yaml') : undefined;
  let bounds = { south: 52.44, west: -1.98, north: 52.52, east: -1.84 };
  if (realHub) {
    const text = readFileSync(realHub, 'utf8');
    const parsed = parseYaml(text, realHub, HubSchema);
    if (parsed.value) bounds = parsed.value.bounds;
    writeFileSync(join(hubDir, 'hub.yaml'), text);
  } else {
    const lat = (bounds.south + bounds.north) / 2;
    const lng = (bounds.west + bounds.east) / 2;
    const hub = {
      slug,
      name: `${slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())} Hub`,
      constituency: { name: 'Birmingham Ladywood', onsCode: 'E14000564' },
      region: 'West Midlands',
      councils: ['Birmingham City Council'],
      centre: { lat, lng },
      bounds,
      population: 100000,
      intro: 'Generated example hub for tests and benchmarks.',
      contact: { email: 'hello@example.org' },
      languages: ['en-GB'],
      siteUrl: `https://hubs.example.org/${slug}/`,
      repository: { url: 'https://github.com/example/town-digital-hub', branch: 'main' },
      places: PLACES.slice(0, 5).map((name, i) => ({
        name,
        lat: bounds.south + ((i + 1) * (bounds.north - bounds.south)) / 6,
        lng: bounds.west + ((i + 1) * (bounds.east - bounds.west)) / 6,
      })),
      licence: 'OGL-UK-3.0',
      exampleData: true,
    };
    writeFileSync(join(hubDir, 'hub.yaml'), stringify(hub));
  }

  const today = new Date();
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const [activity, cats] = pick(ACTIVITIES);
    const place = pick(PLACES);
    const name = `${place} ${pick(QUALIFIERS)} ${activity}`;
    const id = `${slug}-${String(i + 1).padStart(width, '0')}`;
    const opens = 9 + Math.floor(rand() * 9);
    const reviewed = new Date(today.getTime() - Math.floor(rand() * 300) * 86400000).toISOString().slice(0, 10);
    const free = rand() < 0.7;
    const kind = ASSET_KINDS[i % ASSET_KINDS.length] as string;
    const asset: Record<string, unknown> = {
      id,
      name,
      kind,
      summary: pick(SUMMARIES),
      description: `${name} meets in ${place}.\n\nEveryone is welcome. Come as you are.\n\n- Tea and coffee\n- Step-free access`,
      categories: cats.filter((c) => categoryIds.has(c)),
      organisation: { name: `${place} Community Trust` },
      locations: [
        {
          name: `${place} Community Centre`,
          address: [`${1 + Math.floor(rand() * 200)} ${pick(STREETS)}`],
          town: 'Birmingham',
          postcode: `B${1 + Math.floor(rand() * 40)} ${Math.floor(rand() * 10)}${pick(['AA', 'BD', 'EF', 'HJ', 'LN', 'PQ', 'RS', 'TU', 'WX', 'YZ'])}`,
          lat: Math.round((bounds.south + rand() * (bounds.north - bounds.south)) * 1e5) / 1e5,
          lng: Math.round((bounds.west + rand() * (bounds.east - bounds.west)) * 1e5) / 1e5,
        },
      ],
      schedule:
        kind === 'event'
          ? (() => {
              const day = `2027-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
              return { events: [{ start: `${day}T${String(opens).padStart(2, '0')}:00`, end: `${day}T${String(opens + 2).padStart(2, '0')}:00` }] };
            })()
          : { weekly: [{ days: [pick(DAYS)], opens: `${String(opens).padStart(2, '0')}:00`, closes: `${String(opens + 2).padStart(2, '0')}:00` }] },
      cost: free ? { free: true } : { free: false, amount: 2 + Math.floor(rand() * 4), concessions: 'Half price for people on benefits' },
      eligibility: { ...(rand() < 0.3 ? { ageMin: 18 } : {}), referral: pick(['self', 'self', 'either', 'needed'] as const) },
      accessibility: ACCESSIBILITY_FEATURES.filter(() => rand() < 0.3),
      contact: { phone: `0121 496 0${String(Math.floor(rand() * 1000)).padStart(3, '0')}`, email: `hello@${id}.example.org` },
      lastReviewed: reviewed,
      tags: [activity.toLowerCase().split(' ')[0] as string],
    };
    if ((asset.accessibility as string[]).length === 0) delete asset.accessibility;
    writeFileSync(join(assetDir, `${id}.yaml`), `# yaml-language-server: $schema=../../../../packages/schema/schema/asset.schema.json\n${stringify(asset)}`);
  }
  io.stdout(`Wrote ${count} assets for ${slug} to ${relative(io.cwd, out) || '.'} (seed ${seed}).\n`);
  return 0;
};
