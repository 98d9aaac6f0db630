/**
 * Maps one ORUK service record (v1, 3.0 UK profile, or a nested CSV row) to a hub asset. Pure: no files, no
 * network. Fields that cannot be used are dropped with a warning; records that cannot become an asset come back
 * with a reason, never silently.
 */
import * as z from 'zod';
import { type Asset, type Category, ContactSchema, type Hub, type Location, LocationSchema, OrganisationSchema, type Schedule } from '../schema.ts';
import { ACCESSIBILITY_FEATURES, ACCESSIBILITY_LABELS, type AccessibilityFeature, ASSET_KINDS, DAYS, type Day, REFERRAL_TYPES } from '../vocabulary.ts';
import { htmlToText, numberOf, present, singleLine, slugify, unquoted } from './text.ts';

// ---------------------------------------------------------------------------
// Taxonomy mapping file (hub-data/mappings/oruk-taxonomy.yaml)

const nonEmpty = z.string().check(z.minLength(1));

/** Schema of the taxonomy mapping file. */
export const TermMappingSchema = z.strictObject({
  /** Feed taxonomy terms → categories. A term matches when its id, URI, code or name equals one of `match` (ignoring case). */
  terms: z.array(z.strictObject({ match: z.array(nonEmpty).min(1), categories: z.array(nonEmpty).min(1) })).default([]),
  /** Used only when no term maps: words or phrases found in the name or description → categories. */
  keywords: z.array(z.strictObject({ words: z.array(nonEmpty).min(1), categories: z.array(nonEmpty).min(1) })).default([]),
});
export type TermMapping = z.infer<typeof TermMappingSchema>;

/** Names of the taxonomies this project publishes, so its own exports map back exactly. */
export const OWN_TAXONOMIES = {
  categories: 'townhub-categories',
  kinds: 'townhub-kinds',
  referral: 'townhub-referral',
  accessibility: 'townhub-accessibility',
} as const;

/** Key of the local (non-standard) property on exported services that carries what ORUK has no field for. */
export const EXTENSION_KEY = 'x_townhub';

// ---------------------------------------------------------------------------
// Results

export type SkipReason = 'no-id' | 'no-name' | 'inactive' | 'outside-hub' | 'no-category';

export interface MapContext {
  categories: readonly Category[];
  mapping: TermMapping;
  /** When given, locations outside its bounds (plus the loader's margin) are dropped. */
  hub?: Hub;
  /** Today as YYYY-MM-DD; review dates are clamped to it. */
  today: string;
  /** Degrees of slack around the hub bounds (the loader's BOUNDS_MARGIN). */
  margin?: number;
}

/** A record that can become an asset; `asset.id` is a proposal the caller may change to keep ids unique. */
export interface Mapped {
  ok: true;
  sourceId: string;
  asset: Asset;
  warnings: string[];
  /** Taxonomy terms no mapping knows, as "name (id or URI)". */
  unmappedTerms: string[];
}

export interface Skipped {
  ok: false;
  sourceId?: string;
  name?: string;
  reason: SkipReason;
  detail: string;
  warnings: string[];
  unmappedTerms: string[];
}

// ---------------------------------------------------------------------------
// Reading helpers

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
const uniq = <T>(items: T[]) => [...new Set(items)];

const DAY_CODES: Record<string, Day> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function timeOf(value: unknown): string | undefined {
  const m = TIME.exec(present(value) ?? '');
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : undefined;
}

function dateOf(value: unknown): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(present(value) ?? '');
  if (!m?.[1]) return undefined;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[1] ? m[1] : undefined;
}

const valid = (schema: z.ZodType, value: unknown) => value !== undefined && schema.safeParse(value).success;

/** Locations with their parts, from 3.0 service_at_locations[].location or v1's physical_addresses. */
function rawLocations(service: Obj): Obj[] {
  const out: Obj[] = [];
  for (const sal of list(service.service_at_locations)) {
    const location = obj(sal.location);
    if (location) out.push({ ...location, _sal: sal });
  }
  for (const location of list(service.locations)) out.push(location);
  return out;
}

// ---------------------------------------------------------------------------
// Taxonomy terms

interface Term {
  id?: string;
  name?: string;
  code?: string;
  uri?: string;
  taxonomy?: string;
}

function termsOf(service: Obj): Term[] {
  const terms: Term[] = [];
  const add = (t: Obj | undefined) => {
    if (!t) return;
    terms.push({
      id: present(t.id),
      name: singleLine(t.name),
      code: present(t.term) ?? present(t.code),
      uri: present(t.term_uri) ?? present(t.uri),
      taxonomy: present(t.taxonomy) ?? present(t.vocabulary) ?? present(t.taxonomy_id),
    });
  };
  for (const a of list(service.attributes)) add(obj(a.taxonomy_term));
  for (const st of list(service.service_taxonomys)) add(obj(st.taxonomy));
  for (const st of list(service.service_taxonomies)) add(obj(st.taxonomy));
  for (const t of list(service.taxonomy_terms)) add(t);
  return terms;
}

const termLabel = (t: Term) => `${t.name ?? t.code ?? '(no name)'} (${t.uri ?? t.id ?? t.code ?? 'no id'})`;

// ---------------------------------------------------------------------------
// Field mappers

const ACCESSIBILITY_WORDS: [AccessibilityFeature, RegExp][] = [
  ['changing-places', /changing places/i],
  ['accessible-toilet', /(accessible|disabled|wheelchair[- ]accessible) (toilet|loo|wc)/i],
  ['step-free', /step[- ]free|wheelchair|level access|ramp|\blift\b/i],
  ['hearing-loop', /hearing loop|induction loop|\bloop system/i],
  ['bsl', /\bbsl\b|sign language/i],
  ['large-print', /large print/i],
  ['easy-read', /easy read/i],
  ['quiet-space', /quiet (space|room|area)/i],
  ['parking', /parking/i],
  ['public-transport', /public transport|bus stop|train station|tram stop/i],
  ['assistance-dogs', /assistance dog|guide dog/i],
  ['seating', /seating/i],
];

function accessibilityFrom(texts: string[]): AccessibilityFeature[] {
  const found = new Set<AccessibilityFeature>();
  for (const text of texts) {
    const exact = ACCESSIBILITY_FEATURES.find((f) => ACCESSIBILITY_LABELS[f].toLowerCase() === text.toLowerCase());
    if (exact) {
      found.add(exact);
      continue;
    }
    for (const [feature, pattern] of ACCESSIBILITY_WORDS) if (pattern.test(text)) found.add(feature);
  }
  return ACCESSIBILITY_FEATURES.filter((f) => found.has(f));
}

const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  welsh: 'cy',
  urdu: 'ur',
  punjabi: 'pa',
  panjabi: 'pa',
  polish: 'pl',
  bengali: 'bn',
  bangla: 'bn',
  arabic: 'ar',
  somali: 'so',
  gujarati: 'gu',
  hindi: 'hi',
  romanian: 'ro',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  french: 'fr',
  spanish: 'es',
  portuguese: 'pt',
  kurdish: 'ku',
  farsi: 'fa',
  persian: 'fa',
  pashto: 'ps',
  tigrinya: 'ti',
  italian: 'it',
  lithuanian: 'lt',
  ukrainian: 'uk',
  russian: 'ru',
  turkish: 'tr',
  tamil: 'ta',
  'british sign language': 'bfi',
};

function languagesOf(service: Obj, warnings: string[]): string[] | undefined {
  const codes: string[] = [];
  for (const l of list(service.languages)) {
    const code = present(l.code)?.toLowerCase();
    const name = present(l.name) ?? present(l.language);
    if (code && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(code)) codes.push(code);
    else if (name && /^[a-z]{2,3}$/.test(name)) codes.push(name);
    else if (name && LANGUAGE_CODES[name.toLowerCase()]) codes.push(LANGUAGE_CODES[name.toLowerCase()] as string);
    else if (name) warnings.push(`language "${name}" dropped: no language code for it`);
  }
  return codes.length ? uniq(codes) : undefined;
}

function money(amount: number): string {
  return Number.isInteger(amount) ? `£${amount}` : `£${amount.toFixed(2)}`;
}

function costOf(service: Obj, warnings: string[]): Asset['cost'] {
  const options = list(service.cost_options);
  const concessionRows = options.filter((o) => /concession/i.test(present(o.option) ?? ''));
  const main = options.filter((o) => !concessionRows.includes(o));
  const concessions =
    concessionRows
      .map((o) => htmlToText(o.amount_description) ?? (numberOf(o.amount) !== undefined ? money(numberOf(o.amount) as number) : undefined))
      .filter(Boolean)
      .join('; ') || undefined;
  const amounts = main.map((o) => numberOf(o.amount)).filter((a): a is number => a !== undefined && a >= 0);
  if (main.length) {
    const free = amounts.length > 0 && amounts.every((a) => a === 0);
    const amount = free ? undefined : amounts.find((a) => a > 0);
    const lines = main
      .map((o) => {
        const option = singleLine(o.option);
        const text = htmlToText(o.amount_description);
        const price = numberOf(o.amount);
        if (!option) return text;
        return [`${option}:`, price !== undefined && price > 0 ? money(price) : price === 0 ? 'free' : '', text ?? ''].filter(Boolean).join(' ');
      })
      .filter((l): l is string => !!l);
    const description = lines.join('; ') || undefined;
    return { free, ...(amount !== undefined ? { amount } : {}), ...(description ? { description } : {}), ...(concessions ? { concessions } : {}) };
  }
  const fees = htmlToText(service.fees);
  if (fees) {
    const free = /^(free|no charge|none)\b|free of charge/i.test(fees);
    return { free, description: fees, ...(concessions ? { concessions } : {}) };
  }
  warnings.push('no cost given; recorded as "contact the service to ask"');
  return { free: false, description: 'Contact the service to ask about any cost.', ...(concessions ? { concessions } : {}) };
}

function scheduleOf(service: Obj, locations: Obj[], warnings: string[]): { schedule?: Schedule; online: boolean } {
  const rows = [...list(service.schedules), ...list(service.regular_schedules)];
  for (const l of locations) {
    const sal = obj(l._sal);
    rows.push(...list(sal?.schedules), ...list(sal?.regular_schedules), ...list(l.schedules), ...list(l.regular_schedules));
  }
  const weekly: NonNullable<Schedule['weekly']> = [];
  const monthly: NonNullable<Schedule['monthly']> = [];
  const events: NonNullable<Schedule['events']> = [];
  const notes: string[] = [];
  let online = false;
  let byAppointment = false;
  const seen = new Set<string>();
  for (const row of rows) {
    const rowKey = present(row.id) ?? JSON.stringify(row);
    if (seen.has(rowKey)) continue;
    seen.add(rowKey);
    const description = htmlToText(row.description);
    if (description && !notes.includes(description)) notes.push(description);
    const attending = present(row.attending_type) ?? '';
    if (/online|remote|video|phone|telephone|virtual/i.test(attending)) online = true;
    if (/appointment/i.test(attending)) byAppointment = true;
    const freq = present(row.freq)?.toUpperCase();
    const interval = numberOf(row.interval) ?? 1;
    const opens = timeOf(row.opens_at);
    const closes = timeOf(row.closes_at);
    const tokens = (present(row.byday) ?? '')
      .toUpperCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    const sessionNote = htmlToText(row.notes);
    const note = sessionNote ? { note: sessionNote } : {};
    if (!tokens.length && !opens && !closes) continue;
    const start = dateOf(row.dtstart) ?? dateOf(row.valid_from);
    if (!freq && !tokens.length && start && opens) {
      // A one-off: a date and times without a repeat rule.
      const end = closes ? `${dateOf(row.valid_to) ?? start}T${closes}` : undefined;
      if (!end || end >= `${start}T${opens}`) {
        events.push({ start: `${start}T${opens}`, ...(end ? { end } : {}) });
        continue;
      }
    }
    const fail = (why: string) =>
      warnings.push(`schedule ${present(row.id) ?? ''} not understood (${why}); its description is kept as a note`.replace('  ', ' '));
    if (!opens || !closes) {
      fail('no opening and closing time');
      continue;
    }
    if (opens >= closes) {
      fail(`closes ${closes} is not after opens ${opens}`);
      continue;
    }
    if (interval !== 1) {
      fail(`repeats every ${interval} ${freq === 'MONTHLY' ? 'months' : 'weeks'}`);
      continue;
    }
    const plain = tokens.filter((t) => DAY_CODES[t]);
    const numbered = tokens.map((t) => /^([+-]?\d)([A-Z]{2})$/.exec(t)).filter((m): m is RegExpExecArray => !!m && !!DAY_CODES[m[2] ?? '']);
    if (freq === 'MONTHLY') {
      if (!numbered.length) {
        fail('monthly without a numbered day such as 1SA');
        continue;
      }
      for (const m of numbered) {
        const week = Number(m[1]);
        if (![1, 2, 3, 4, -1].includes(week)) {
          fail(`week ${week} of the month`);
          continue;
        }
        monthly.push({ week: week as 1 | 2 | 3 | 4 | -1, day: DAY_CODES[m[2] ?? ''] as Day, opens, closes, ...note });
      }
      continue;
    }
    if (freq && freq !== 'WEEKLY') {
      fail(`frequency ${freq}`);
      continue;
    }
    if (!plain.length) {
      fail('no days of the week');
      continue;
    }
    const days = DAYS.filter((d) => plain.some((t) => DAY_CODES[t] === d));
    weekly.push({ days, opens, closes, ...note });
  }
  const closures: NonNullable<Schedule['closures']> = [];
  for (const h of [...list(service.holiday_schedules), ...locations.flatMap((l) => list(obj(l._sal)?.holiday_schedules))]) {
    const from = dateOf(h.start_date);
    const to = dateOf(h.end_date) ?? from;
    if (h.closed === true || h.closed === 'true' || h.closed === 'TRUE') {
      if (from && to && to >= from) closures.push({ from, to });
      else warnings.push('holiday closure without valid dates dropped');
    }
  }
  const schedule: Schedule = {
    ...(weekly.length ? { weekly } : {}),
    ...(monthly.length ? { monthly } : {}),
    ...(events.length ? { events } : {}),
    ...(closures.length ? { closures } : {}),
    ...(byAppointment ? { byAppointment } : {}),
    ...(notes.length ? { note: notes.join('\n\n') } : {}),
  };
  return { schedule: Object.keys(schedule).length ? schedule : undefined, online };
}

function summaryAndDescription(text: string | undefined, name: string, warnings: string[]): { summary: string; description?: string } {
  if (!text) {
    warnings.push('no description; the summary repeats the name');
    return { summary: name };
  }
  const [first = '', ...rest] = text.split('\n\n');
  if (first.length <= 200 && !first.startsWith('- ')) return { summary: first, ...(rest.length ? { description: rest.join('\n\n') } : {}) };
  const sentences = first.replace(/\n/g, ' ').split(/(?<=[.!?])\s+/);
  let summary = '';
  for (const s of sentences) {
    if ((summary ? `${summary} ${s}` : s).length > 200) break;
    summary = summary ? `${summary} ${s}` : s;
  }
  if (!summary) summary = `${first.slice(0, 199).replace(/\s+\S*$/, '')}…`;
  return { summary, description: text };
}

function locationsOf(raw: Obj[], ctx: MapContext, warnings: string[]): { kept: Location[]; outside: number; virtual: boolean; accessibilityTexts: string[] } {
  const kept: Location[] = [];
  let outside = 0;
  let virtual = false;
  const accessibilityTexts: string[] = [];
  for (const l of raw) {
    const label = singleLine(l.name) ?? present(l.id) ?? 'location';
    for (const a of [...list(l.accessibility), ...list(l.accessibility_for_disabilities)]) {
      for (const key of ['description', 'accessibility', 'details']) {
        const t = singleLine(a[key]);
        if (t) accessibilityTexts.push(t);
      }
    }
    if (present(l.location_type) === 'virtual') {
      virtual = true;
      continue;
    }
    const address = [...list(l.addresses), ...list(l.physical_addresses)].find((a) => present(a.address_type) !== 'postal') ?? [...list(l.addresses)][0];
    let lat = numberOf(l.latitude);
    let lng = numberOf(l.longitude);
    if (lat !== undefined && lng !== undefined && (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0))) {
      warnings.push(`impossible coordinates ${lat}, ${lng} dropped from "${label}"`);
      lat = undefined;
      lng = undefined;
    }
    if (lat === undefined || lng === undefined) {
      warnings.push(`location "${label}" dropped: no usable coordinates`);
      continue;
    }
    const postcode = present(address?.postal_code)?.toUpperCase().replace(/\s+/g, ' ');
    const lines = [present(address?.address_1), present(address?.address_2)]
      .filter((s): s is string => !!s)
      .flatMap((s) => s.split(/,\s+/))
      .map((s) => s.trim())
      .filter(Boolean);
    if (!postcode || !valid(LocationSchema.shape.postcode, postcode)) {
      warnings.push(`location "${label}" dropped: ${postcode ? `"${postcode}" is not a UK postcode` : 'no postcode'}`);
      continue;
    }
    if (!lines.length) {
      warnings.push(`location "${label}" dropped: no street address`);
      continue;
    }
    if (ctx.hub) {
      const { south, west, north, east } = ctx.hub.bounds;
      const m = ctx.margin ?? 0.05;
      if (lat < south - m || lat > north + m || lng < west - m || lng > east + m) {
        warnings.push(`location "${label}" dropped: ${lat}, ${lng} is outside ${ctx.hub.constituency.name}`);
        outside++;
        continue;
      }
    }
    const name = singleLine(l.name);
    const town = singleLine(address?.city);
    kept.push({ ...(name ? { name } : {}), address: lines, ...(town ? { town } : {}), postcode, lat, lng });
  }
  return { kept, outside, virtual, accessibilityTexts };
}

function phonesOf(service: Obj, locations: Obj[]): string[] {
  const rows = [
    ...list(service.phones),
    ...list(service.contacts).flatMap((c) => list(c.phones)),
    ...locations.flatMap((l) => list(l.phones)),
    ...list(obj(service.organization)?.phones),
  ];
  const numbers = rows.map((p) => unquoted(p.number)).filter((n): n is string => !!n);
  for (const c of list(service.contacts)) {
    const n = unquoted(c.phone);
    if (n) numbers.push(n);
  }
  return uniq(numbers);
}

function organisationOf(service: Obj, warnings: string[]): Asset['organisation'] {
  const org = obj(service.organization) ?? obj(service.organisation);
  const name = singleLine(org?.name);
  if (!org || !name) return undefined;
  const out: NonNullable<Asset['organisation']> = { name };
  for (const id of list(org.organization_identifiers)) {
    const scheme = (present(id.identifier_scheme) ?? '').toUpperCase();
    const type = present(id.identifier_type) ?? '';
    let value = present(id.identifier)?.replace(/\s+/g, '');
    if (!value) continue;
    if (scheme === 'GB-CHC' || /charity/i.test(type)) {
      if (valid(OrganisationSchema.shape.charityNumber, value)) out.charityNumber = value;
      else warnings.push(`charity number "${value}" dropped: not a charity number`);
    } else if (scheme === 'GB-COH' || /compan/i.test(type)) {
      if (/^\d{1,7}$/.test(value)) value = value.padStart(8, '0');
      if (valid(OrganisationSchema.shape.companyNumber, value)) out.companyNumber = value;
      else warnings.push(`company number "${value}" dropped: not a company number`);
    }
  }
  return out;
}

function contactOf(service: Obj, phones: string[], warnings: string[]): Asset['contact'] {
  const org = obj(service.organization);
  const contact: NonNullable<Asset['contact']> = {};
  const phone = phones.find((p) => valid(ContactSchema.shape.phone, p));
  for (const p of phones) if (p !== phone && !valid(ContactSchema.shape.phone, p)) warnings.push(`phone "${p}" dropped: not a phone number`);
  if (phone) contact.phone = phone;
  for (const [value, where] of [
    [present(service.email), 'email'],
    [present(org?.email), 'organisation email'],
  ] as const) {
    if (!value || contact.email) continue;
    if (valid(ContactSchema.shape.email, value)) contact.email = value;
    else warnings.push(`${where} "${value}" dropped: not an email address`);
  }
  for (const [value, where] of [
    [present(service.url), 'url'],
    [present(org?.website) ?? present(org?.url), 'organisation website'],
  ] as const) {
    if (!value || contact.website) continue;
    if (valid(ContactSchema.shape.website, value)) contact.website = value;
    else warnings.push(`${where} "${value}" dropped: not a web address`);
  }
  return Object.keys(contact).length ? contact : undefined;
}

function lastReviewedOf(service: Obj, today: string, warnings: string[]): string {
  const date = dateOf(service.assured_date) ?? dateOf(service.last_modified) ?? dateOf(service.last_assured_date);
  if (!date) {
    warnings.push(`no assured_date or last_modified; lastReviewed set to the import date ${today}`);
    return today;
  }
  if (date > today) {
    warnings.push(`review date ${date} is in the future; set to ${today}`);
    return today;
  }
  return date;
}

// ---------------------------------------------------------------------------
// The mapping

/** Maps one service record to an asset, or says why it cannot be one. */
export function mapService(record: unknown, ctx: MapContext): Mapped | Skipped {
  const warnings: string[] = [];
  const service = isObj(record) ? record : {};
  const sourceId = present(service.id);
  const name = singleLine(service.name);
  const skip = (reason: SkipReason, detail: string, unmappedTerms: string[] = []): Skipped => ({
    ok: false,
    ...(sourceId ? { sourceId } : {}),
    ...(name ? { name } : {}),
    reason,
    detail,
    warnings,
    unmappedTerms,
  });
  if (!sourceId) return skip('no-id', 'the record has no id, so a re-import could not find it again');
  if (!name) return skip('no-name', 'the record has no name');
  const status = present(service.status)?.toLowerCase();
  if (status === 'inactive' || status === 'defunct') return skip('inactive', `status is "${status}"`);

  // Categories, kind, referral and accessibility from taxonomy terms.
  const categoryIds = new Set(ctx.categories.map((c) => c.id));
  const byLabel = new Map(ctx.categories.map((c) => [c.label.toLowerCase(), c.id]));
  const categories: string[] = [];
  const unmappedTerms: string[] = [];
  let kind: Asset['kind'] | undefined;
  let referral: Asset['eligibility']['referral'] | undefined;
  const ownAccessibility: AccessibilityFeature[] = [];
  for (const term of termsOf(service)) {
    const code = term.code ?? '';
    if (term.taxonomy === OWN_TAXONOMIES.kinds && (ASSET_KINDS as readonly string[]).includes(code)) {
      kind = code as Asset['kind'];
      continue;
    }
    if (term.taxonomy === OWN_TAXONOMIES.referral && (REFERRAL_TYPES as readonly string[]).includes(code)) {
      referral = code as Asset['eligibility']['referral'];
      continue;
    }
    if (term.taxonomy === OWN_TAXONOMIES.accessibility && (ACCESSIBILITY_FEATURES as readonly string[]).includes(code)) {
      ownAccessibility.push(code as AccessibilityFeature);
      continue;
    }
    const keys = [term.id, term.uri, term.code, term.name].filter((k): k is string => !!k).map((k) => k.toLowerCase());
    const direct = [term.code, term.name]
      .map((k) => k?.toLowerCase() ?? '')
      .flatMap((k) => (categoryIds.has(k) ? [k] : byLabel.has(k) ? [byLabel.get(k) as string] : []));
    const mapped = ctx.mapping.terms.filter((t) => t.match.some((m) => keys.includes(m.toLowerCase()))).flatMap((t) => t.categories);
    if (direct.length || mapped.length) categories.push(...direct, ...mapped);
    else unmappedTerms.push(termLabel(term));
  }
  const descriptionText = htmlToText(service.description);
  if (!categories.length) {
    const haystack = ` ${name} ${descriptionText ?? ''} `.toLowerCase();
    for (const k of ctx.mapping.keywords) {
      const word = k.words.find((w) => new RegExp(`\\b${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es)?\\b`, 'i').test(haystack));
      if (word) {
        categories.push(...k.categories);
        warnings.push(`categorised by the keyword "${word}"`);
      }
    }
  }
  const known = uniq(categories).filter((c) => categoryIds.has(c));
  if (!known.length)
    return skip(
      'no-category',
      unmappedTerms.length
        ? `no category for its taxonomy terms; map them in hub-data/mappings/oruk-taxonomy.yaml`
        : 'no taxonomy terms or keywords that match a category; add keywords to hub-data/mappings/oruk-taxonomy.yaml',
      unmappedTerms,
    );

  // Places.
  const raw = rawLocations(service);
  const places = locationsOf(raw, ctx, warnings);
  if (raw.length && places.outside > 0 && places.kept.length === 0 && !places.virtual)
    return skip('outside-hub', `every location is outside ${ctx.hub?.constituency.name ?? 'the hub'}`, unmappedTerms);
  const { schedule, online: attendsOnline } = scheduleOf(service, raw, warnings);
  const attending = present(service.attending_type) ?? '';
  const online = places.virtual || attendsOnline || /online|phone|telephone|virtual/i.test(attending);
  const areaWide = places.kept.length === 0 && (list(service.service_areas).length > 0 || !online);

  // Eligibility.
  let ageMin = numberOf(service.minimum_age);
  let ageMax = numberOf(service.maximum_age);
  const eligibilityRows = list(service.eligibilitys).concat(list(service.eligibilities));
  for (const e of eligibilityRows) {
    ageMin ??= numberOf(e.minimum_age);
    ageMax ??= numberOf(e.maximum_age);
  }
  for (const [label, value] of [
    ['minimum_age', ageMin],
    ['maximum_age', ageMax],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 120)) {
      warnings.push(`${label} ${value} dropped: not an age in whole years up to 120`);
      if (label === 'minimum_age') ageMin = undefined;
      else ageMax = undefined;
    }
  }
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    warnings.push(`ages ${ageMin}–${ageMax} dropped: minimum above maximum`);
    ageMin = ageMax = undefined;
  }
  const whoFor =
    uniq(eligibilityRows.map((e) => singleLine(e.eligibility)).filter((s): s is string => !!s)).join(', ') || htmlToText(service.eligibility_description);
  const access = (present(service.attending_access) ?? '').toLowerCase();
  referral ??= /referral/.test(access) ? 'needed' : /drop-in|drop in/.test(access) ? 'self' : 'either';

  const { summary, description } = summaryAndDescription(descriptionText, name, warnings);
  if (status === 'temporarily closed') warnings.push('the feed says the service is temporarily closed');
  const phones = phonesOf(service, raw);
  const organisation = organisationOf(service, warnings);
  const contact = contactOf(service, phones, warnings);
  const languages = languagesOf(service, warnings);
  const accessibility = uniq([...ownAccessibility, ...accessibilityFrom(places.accessibilityTexts)]);

  let asset: Asset = {
    id: slugify(name) || 'service',
    name,
    kind: kind ?? 'service',
    summary,
    ...(description ? { description } : {}),
    categories: known,
    ...(organisation ? { organisation } : {}),
    ...(places.kept.length ? { locations: places.kept } : {}),
    ...(areaWide ? { areaWide: true } : {}),
    ...(online ? { online: true } : {}),
    ...(schedule ? { schedule } : {}),
    cost: costOf(service, warnings),
    eligibility: {
      ...(ageMin !== undefined ? { ageMin } : {}),
      ...(ageMax !== undefined ? { ageMax } : {}),
      ...(whoFor ? { whoFor } : {}),
      referral,
    },
    ...(accessibility.length ? { accessibility } : {}),
    ...(contact ? { contact } : {}),
    ...(languages ? { languages } : {}),
    lastReviewed: lastReviewedOf(service, ctx.today, warnings),
  };
  asset = withExtension(asset, service[EXTENSION_KEY]);
  return { ok: true, sourceId, asset, warnings, unmappedTerms };
}

/** Applies the exporter's local property: each key replaces the mapped field (null removes it). */
function withExtension(asset: Asset, extension: unknown): Asset {
  if (!isObj(extension)) return asset;
  const out: Record<string, unknown> = { ...asset };
  for (const [key, value] of Object.entries(extension)) {
    if (key === 'source') continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as Asset;
}
