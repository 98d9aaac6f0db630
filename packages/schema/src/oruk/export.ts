/**
 * Publishes a hub as a static, read-only Open Referral UK 3.0 (UK profile) API. Pure: returns documents, writes
 * nothing. Optional fields without a value are omitted, as ORUK compliance asks.
 */
import type { Asset, Category, Hub } from '../schema.ts';
import { ACCESSIBILITY_FEATURES, ACCESSIBILITY_LABELS, ASSET_KINDS, type Day, KIND_LABELS, REFERRAL_LABELS, REFERRAL_TYPES } from '../vocabulary.ts';
import { canonicalJson, uuidFor } from './ids.ts';
import { EXTENSION_KEY, mapService, OWN_TAXONOMIES } from './map.ts';

type Doc = Record<string, unknown>;

export interface OrukExportOptions {
  /** Services (and taxonomy terms) per page. Default 50. */
  pageSize?: number;
}

/** The HSDS version string ORUK validators expect from `GET /`. */
export const ORUK_VERSION = 'HSDS-UK-3.0';

const DAY_CODES: Record<Day, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/** Drops undefined values and empty arrays, so optional fields without a value are omitted. */
function compact(doc: Doc): Doc {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/** The stable ORUK id (a UUID) of an asset in a hub. */
export function serviceId(hub: Hub, assetId: string): string {
  return uuidFor(`${hub.slug}:service:${assetId}`);
}

interface OwnTerm {
  taxonomy: string;
  code: string;
  name: string;
  description: string;
  parent?: string;
}

function ownTaxonomies(categories: readonly Category[]): { name: string; description: string; terms: OwnTerm[] }[] {
  return [
    {
      name: OWN_TAXONOMIES.categories,
      description: 'Life areas of social prescribing that Town Digital Hub assets are listed under.',
      terms: categories.map((c) => ({ taxonomy: OWN_TAXONOMIES.categories, code: c.id, name: c.label, description: c.description, parent: c.parent })),
    },
    {
      name: OWN_TAXONOMIES.kinds,
      description: 'What kind of community asset a service is.',
      terms: ASSET_KINDS.map((k) => ({ taxonomy: OWN_TAXONOMIES.kinds, code: k, name: KIND_LABELS[k], description: `Kind of asset: ${KIND_LABELS[k]}.` })),
    },
    {
      name: OWN_TAXONOMIES.referral,
      description: 'How a person gets access to a service.',
      terms: REFERRAL_TYPES.map((r) => ({
        taxonomy: OWN_TAXONOMIES.referral,
        code: r,
        name: REFERRAL_LABELS[r],
        description: `Access: ${REFERRAL_LABELS[r]}.`,
      })),
    },
    {
      name: OWN_TAXONOMIES.accessibility,
      description: 'Accessibility features a service offers.',
      terms: ACCESSIBILITY_FEATURES.map((f) => ({
        taxonomy: OWN_TAXONOMIES.accessibility,
        code: f,
        name: ACCESSIBILITY_LABELS[f],
        description: `Accessibility: ${ACCESSIBILITY_LABELS[f]}.`,
      })),
    },
  ];
}

const taxonomyId = (hub: Hub, name: string) => uuidFor(`${hub.slug}:taxonomy:${name}`);
const termId = (hub: Hub, taxonomy: string, code: string) => uuidFor(`${hub.slug}:term:${taxonomy}:${code}`);

function termDocument(hub: Hub, t: OwnTerm): Doc {
  return compact({
    id: termId(hub, t.taxonomy, t.code),
    name: t.name,
    description: t.description,
    parent_id: t.parent ? termId(hub, t.taxonomy, t.parent) : undefined,
    taxonomy: t.taxonomy,
    taxonomy_id: taxonomyId(hub, t.taxonomy),
    term: t.code,
  });
}

/** Term documents of a hub's own taxonomies by `taxonomy:code`, made once per hub and taxonomy rather than per asset. */
const termCache = new WeakMap<readonly Category[], Map<string, Map<string, Doc>>>();
function termDocuments(hub: Hub, categories: readonly Category[]): Map<string, Doc> {
  let byHub = termCache.get(categories);
  if (!byHub) {
    byHub = new Map();
    termCache.set(categories, byHub);
  }
  let docs = byHub.get(hub.slug);
  if (!docs) {
    docs = new Map(ownTaxonomies(categories).flatMap((tx) => tx.terms.map((t) => [`${t.taxonomy}:${t.code}`, termDocument(hub, t)] as const)));
    byHub.set(hub.slug, docs);
  }
  return docs;
}

/** A service in the standard fields only (no local extension). */
function standardService(hub: Hub, categories: readonly Category[], asset: Asset): Doc {
  const id = serviceId(hub, asset.id);
  const sub = (what: string, i: number | string = 0) => uuidFor(`${hub.slug}:${what}:${asset.id}:${i}`);
  const terms = termDocuments(hub, categories);
  const attribute = (taxonomy: string, code: string): Doc[] => {
    const term = terms.get(`${taxonomy}:${code}`);
    if (!term) return [];
    // A copy per service (term documents are flat), so no two services share an object.
    const doc = { ...term };
    return [{ id: sub(`attribute:${taxonomy}`, code), link_id: id, link_type: 'service', taxonomy_term_id: doc.id, taxonomy_term: doc }];
  };

  const org = asset.organisation;
  const organizationId = org ? uuidFor(`${hub.slug}:organization:${org.name}`) : undefined;
  const organization =
    org &&
    compact({
      id: organizationId,
      name: org.name,
      description: org.name,
      organization_identifiers: [
        ...(org.charityNumber
          ? [
              {
                id: sub('identifier', 'charity'),
                organization_id: organizationId,
                identifier_scheme: 'GB-CHC',
                identifier_type: 'Charity number',
                identifier: org.charityNumber,
              },
            ]
          : []),
        ...(org.companyNumber
          ? [
              {
                id: sub('identifier', 'company'),
                organization_id: organizationId,
                identifier_scheme: 'GB-COH',
                identifier_type: 'Company number',
                identifier: org.companyNumber,
              },
            ]
          : []),
      ],
    });

  const s = asset.schedule;
  const schedules: Doc[] = (
    [
      ...(s?.weekly ?? []).map((w) => ({
        freq: 'WEEKLY',
        byday: w.days.map((d) => DAY_CODES[d]).join(','),
        opens_at: w.opens,
        closes_at: w.closes,
        notes: w.note,
      })),
      ...(s?.monthly ?? []).map((m) => ({ freq: 'MONTHLY', byday: `${m.week}${DAY_CODES[m.day]}`, opens_at: m.opens, closes_at: m.closes, notes: m.note })),
      ...(s?.events ?? []).map((e) => ({
        dtstart: e.start.slice(0, 10),
        valid_from: e.start.slice(0, 10),
        valid_to: (e.end ?? e.start).slice(0, 10),
        opens_at: e.start.slice(11),
        closes_at: e.end?.slice(11),
      })),
    ] as Doc[]
  ).map((row, i) => compact({ id: sub('schedule', i), service_id: id, ...(row.freq ? { interval: 1 } : {}), ...row }));
  if (s?.note || s?.byAppointment) {
    const first = schedules[0] ?? { id: sub('schedule', 'note'), service_id: id };
    if (!schedules.length) schedules.push(first);
    if (s.note) first.description = s.note;
    if (s.byAppointment) first.attending_type = 'By appointment';
  }

  const salFor = (key: string, location: Doc) => ({ id: sub('service_at_location', key), service_id: id, location_id: location.id, location });
  const serviceAtLocations = [
    ...(asset.locations ?? []).map((l, i) => {
      const locationId = sub('location', i);
      return salFor(
        String(i),
        compact({
          id: locationId,
          location_type: 'physical',
          name: l.name,
          latitude: l.lat,
          longitude: l.lng,
          addresses: [
            {
              id: sub('address', i),
              location_id: locationId,
              address_1: l.address.join(', '),
              city: l.town ?? hub.councils[0],
              state_province: hub.region,
              postal_code: l.postcode,
              country: 'GB',
              address_type: 'physical',
            },
          ],
          accessibility: (asset.accessibility ?? []).map((f) => ({
            id: sub(`accessibility:${i}`, f),
            location_id: locationId,
            description: ACCESSIBILITY_LABELS[f],
          })),
        }),
      );
    }),
    ...(asset.online ? [salFor('online', { id: sub('location', 'online'), location_type: 'virtual', name: 'Online' })] : []),
  ];

  const cost = asset.cost;
  const costOptions: Doc[] = [];
  if (cost.free || cost.amount !== undefined || cost.description)
    costOptions.push(compact({ id: sub('cost', 0), service_id: id, amount: cost.free ? 0 : cost.amount, amount_description: cost.description }));
  if (cost.concessions) costOptions.push({ id: sub('cost', 'concessions'), service_id: id, option: 'Concessions', amount_description: cost.concessions });

  return compact({
    id,
    organization_id: organizationId,
    name: asset.name,
    description: asset.description ? `${asset.summary}\n\n${asset.description}` : asset.summary,
    url: asset.contact?.website,
    email: asset.contact?.email,
    status: 'active',
    minimum_age: asset.eligibility.ageMin,
    maximum_age: asset.eligibility.ageMax,
    assured_date: asset.lastReviewed,
    schedules,
    service_areas: asset.areaWide
      ? [{ id: sub('service_area'), service_id: id, name: hub.constituency.name, service_area: `${hub.constituency.name} (${hub.councils.join(', ')})` }]
      : [],
    service_at_locations: serviceAtLocations,
    organization,
    cost_options: costOptions,
    contacts: asset.contact?.phone
      ? [{ id: sub('contact'), service_id: id, phones: [{ id: sub('phone'), contact_id: sub('contact'), number: asset.contact.phone }] }]
      : [],
    attributes: [
      ...attribute(OWN_TAXONOMIES.kinds, asset.kind),
      ...asset.categories.flatMap((c) => attribute(OWN_TAXONOMIES.categories, c)),
      ...attribute(OWN_TAXONOMIES.referral, asset.eligibility.referral),
      ...(asset.accessibility ?? []).flatMap((f) => attribute(OWN_TAXONOMIES.accessibility, f)),
    ],
  });
}

/**
 * The fully nested ORUK service for an asset (`GET /services/{id}`). Whatever the standard fields cannot carry
 * exactly (the asset id, who it is for, tags, closures, …) travels in one local property, `x_townhub`, whose keys
 * are asset field names; importing the document gives back the same asset.
 */
export function orukService(hub: Hub, categories: readonly Category[], asset: Asset): Doc {
  const doc = standardService(hub, categories, asset);
  const rebuilt = mapService(doc, { categories, mapping: { terms: [], keywords: [] }, today: '9999-12-31' });
  const { source: _source, ...wanted } = asset;
  const extension: Doc = {};
  if (!rebuilt.ok) Object.assign(extension, wanted);
  else {
    const back = rebuilt.asset as Doc;
    for (const key of new Set([...Object.keys(wanted), ...Object.keys(back)])) {
      const value = (wanted as Doc)[key];
      if (canonicalJson(value) !== canonicalJson(back[key])) extension[key] = value ?? null;
    }
  }
  return Object.keys(extension).length ? { ...doc, [EXTENSION_KEY]: extension } : doc;
}

/** The one-to-one fields of a service, as `GET /services` lists them. */
function listItem(service: Doc): Doc {
  const item = Object.fromEntries(Object.entries(service).filter(([k, v]) => !Array.isArray(v) && k !== EXTENSION_KEY));
  if (service.organization) item.organization = Object.fromEntries(Object.entries(service.organization as Doc).filter(([, v]) => !Array.isArray(v)));
  return item;
}

function pages<T>(items: readonly T[], size: number): { contents: T[]; envelope: Doc }[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const contents = items.slice(i * size, (i + 1) * size);
    return {
      contents,
      envelope: {
        total_items: items.length,
        total_pages: total,
        page_number: i + 1,
        size: contents.length,
        first_page: i === 0,
        last_page: i === total - 1,
        empty: items.length === 0,
        contents,
      },
    };
  });
}

/**
 * Every document of a hub's static ORUK API, keyed by file path relative to the hub's site root. Static servers
 * answer a folder URL with its index.json (set `Content-Type: application/json` and `Access-Control-Allow-Origin: *`
 * on /api/oruk/ in the host's configuration):
 *
 * | URL                                   | file                                          |
 * |---------------------------------------|-----------------------------------------------|
 * | /api/oruk/                            | api/oruk/index.json (version, profile, openapi_url) |
 * | /api/oruk/services                    | api/oruk/services/index.json (page 1)         |
 * | /api/oruk/services?page=N             | api/oruk/services/page/N/index.json (needs a rewrite of ?page=N; every page is written) |
 * | /api/oruk/services/{id}               | api/oruk/services/{id}/index.json             |
 * | /api/oruk/taxonomies                  | api/oruk/taxonomies/index.json                |
 * | /api/oruk/taxonomies/{id}             | api/oruk/taxonomies/{id}/index.json           |
 * | /api/oruk/taxonomy_terms              | api/oruk/taxonomy_terms/index.json (page 1)   |
 * | /api/oruk/taxonomy_terms?page=N       | api/oruk/taxonomy_terms/page/N/index.json     |
 * | /api/oruk/taxonomy_terms/{id}         | api/oruk/taxonomy_terms/{id}/index.json       |
 *
 * Ids are UUIDs derived from the hub slug and asset id, so they stay the same from build to build.
 */
export function orukApiFiles(hub: Hub, categories: readonly Category[], assets: readonly Asset[], options: OrukExportOptions = {}): Map<string, unknown> {
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive whole number, not ${pageSize}.`);
  const files = new Map<string, unknown>();
  files.set('api/oruk/index.json', {
    version: ORUK_VERSION,
    profile: 'https://openreferraluk.org/',
    openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
  });

  const services = assets.map((a) => orukService(hub, categories, a));
  for (const s of services) files.set(`api/oruk/services/${s.id}/index.json`, s);
  const servicePages = pages(services.map(listItem), pageSize);
  for (const [i, p] of servicePages.entries()) files.set(`api/oruk/services/page/${i + 1}/index.json`, p.envelope);
  files.set('api/oruk/services/index.json', servicePages[0]?.envelope);

  const taxonomies = ownTaxonomies(categories).map((tx) =>
    compact({ id: taxonomyId(hub, tx.name), name: tx.name, description: tx.description, taxonomy_terms: tx.terms.map((t) => termDocument(hub, t)) }),
  );
  for (const tx of taxonomies) files.set(`api/oruk/taxonomies/${tx.id}/index.json`, tx);
  files.set('api/oruk/taxonomies/index.json', pages(taxonomies.map(listItem), Math.max(pageSize, taxonomies.length))[0]?.envelope);

  const terms = taxonomies.flatMap((tx) => tx.taxonomy_terms as Doc[]);
  for (const t of terms) files.set(`api/oruk/taxonomy_terms/${t.id}/index.json`, t);
  const termPages = pages(terms, pageSize);
  for (const [i, p] of termPages.entries()) files.set(`api/oruk/taxonomy_terms/page/${i + 1}/index.json`, p.envelope);
  files.set('api/oruk/taxonomy_terms/index.json', termPages[0]?.envelope);
  return files;
}
