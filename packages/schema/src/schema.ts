import * as z from 'zod';
import { ACCESSIBILITY_FEATURES, ASSET_KINDS, DAYS, isSafeUrl, REFERRAL_TYPES, SAFE_URL_SCHEMES } from './vocabulary.ts';

/** A refinement whose failure carries a hint for the person fixing the file. */
function rule<T>(check: (value: T) => boolean, message: string, hint: string, path?: string[]) {
  return z.refine<T>(check, { message, params: { hint }, ...(path ? { path } : {}) });
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
/** UK postcode, outward and inward parts, the single space optional. */
const POSTCODE_PATTERN = /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i;
const HTML_PATTERN = /<\s*\/?\s*[a-z!][^>]*>/i;
const COLOUR_PATTERN = /^#[0-9a-f]{6}$/i;

/** True for a real calendar date written YYYY-MM-DD (no 30 February). */
export function isRealDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Minutes since midnight for a valid HH:MM time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const id = z
  .string()
  .check(rule((v: string) => ID_PATTERN.test(v), 'is not a valid id', 'Use lower-case letters, digits and single hyphens, e.g. "ladywood-walking-group".'));

const text = z.string().check(rule((v: string) => v.trim().length > 0, 'must not be empty', 'Write some text, or remove the field.'));

const plainText = text.check(
  rule((v: string) => !HTML_PATTERN.test(v), 'contains HTML tags', 'Write plain text: blank lines between paragraphs and "- " at the start of list items.'),
);

const date = z.string().check(rule(isRealDate, 'is not a real date', 'Write a real calendar date as YYYY-MM-DD, e.g. 2026-03-01.'));

const dateTime = z.string().check(
  rule(
    (v: string) => {
      const m = DATETIME_PATTERN.exec(v);
      return !!m && isRealDate(m[1] ?? '') && TIME_PATTERN.test(m[2] ?? '');
    },
    'is not a valid date and time',
    'Write a local date and time as YYYY-MM-DDTHH:MM, e.g. 2026-03-01T10:30.',
  ),
);

const time = z.string().check(rule((v: string) => TIME_PATTERN.test(v), 'is not a valid time', 'Write a 24-hour time as HH:MM, e.g. 09:30 or 17:00.'));

const safeUrl = z
  .string()
  .check(
    rule(
      isSafeUrl,
      'is not an allowed link',
      `Use a full link starting with ${SAFE_URL_SCHEMES.map((s) => `${s}`).join(', ')} (for example https://example.org/).`,
    ),
  );

const webUrl = z
  .string()
  .check(rule((v: string) => isSafeUrl(v) && /^https?:/i.test(v), 'is not a web address', 'Use a full web address starting with https:// (or http://).'));

const email = z
  .string()
  .check(rule((v: string) => /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v), 'is not an email address', 'Write an email address such as hello@example.org.'));

const phone = z
  .string()
  .check(rule((v: string) => /^\+?[\d ()-]{7,20}$/.test(v), 'is not a phone number', 'Write a UK phone number with digits and spaces, e.g. 0121 496 0000.'));

const postcode = z.string().check(rule((v: string) => POSTCODE_PATTERN.test(v.trim()), 'is not a UK postcode', 'Write a full UK postcode such as B16 8AA.'));

const latitude = z
  .number()
  .check(rule((v: number) => v >= -90 && v <= 90, 'is not a latitude', 'Latitude is between -90 and 90; for the West Midlands about 52.4.'));
const longitude = z
  .number()
  .check(rule((v: number) => v >= -180 && v <= 180, 'is not a longitude', 'Longitude is between -180 and 180; for the West Midlands about -1.9.'));

/** A point on the map. */
export const LatLngSchema = z.strictObject({
  /** Latitude in decimal degrees (WGS 84). */
  lat: latitude,
  /** Longitude in decimal degrees (WGS 84). */
  lng: longitude,
});

/** A rectangle on the map. */
export const BoundsSchema = z
  .strictObject({
    /** Southern edge (smallest latitude). */
    south: latitude,
    /** Western edge (smallest longitude). */
    west: longitude,
    /** Northern edge (largest latitude). */
    north: latitude,
    /** Eastern edge (largest longitude). */
    east: longitude,
  })
  .check(rule((b) => b.south < b.north && b.west < b.east, 'has its edges the wrong way round', 'south must be less than north, and west less than east.'));

/** How to reach someone. */
export const ContactSchema = z.strictObject({
  /** Phone number, written as people dial it. */
  phone: phone.optional(),
  /** Email address (use example.org addresses in example data). */
  email: email.optional(),
  /** Web site (https). */
  website: webUrl.optional(),
  /** Where to book a place or buy a ticket. */
  booking: safeUrl.optional(),
});

// ---------------------------------------------------------------------------
// Taxonomy

/** One category of the shared taxonomy (a life area of social prescribing, or a narrower topic). */
export const CategorySchema = z.strictObject({
  /** Stable identifier used by assets, e.g. "money-and-debt". */
  id,
  /** Short label shown to people. */
  label: text,
  /** One sentence that explains what belongs here. */
  description: text,
  /** The id of a broader category, when this one is narrower. */
  parent: id.optional(),
});

/** The shared category taxonomy (hub-data/taxonomy.yaml). */
export const TaxonomySchema = z.strictObject({
  /** Every category; order is the display order. */
  categories: z.array(CategorySchema).min(1),
});

// ---------------------------------------------------------------------------
// Hub

/** A named neighbourhood, so people can search "near" a place without a geocoder. */
export const PlaceSchema = z.strictObject({
  /** Name people use, e.g. "Jewellery Quarter". */
  name: text,
  /** Latitude of the place's centre. */
  lat: latitude,
  /** Longitude of the place's centre. */
  lng: longitude,
});

/** Colour overrides for the hub's site and widgets. */
export const ThemeSchema = z.strictObject({
  /** Main brand colour (buttons, headings), as #rrggbb. */
  primary: z
    .string()
    .check(rule((v: string) => COLOUR_PATTERN.test(v), 'is not a colour', 'Write a colour as #rrggbb, e.g. #1d70b8.'))
    .optional(),
  /** Link colour, as #rrggbb. */
  link: z
    .string()
    .check(rule((v: string) => COLOUR_PATTERN.test(v), 'is not a colour', 'Write a colour as #rrggbb, e.g. #1d70b8.'))
    .optional(),
});

/** Licences hub data may be published under. */
export const DATA_LICENCES = ['OGL-UK-3.0', 'CC-BY-4.0'] as const;

/** One hub: a constituency's site (hub-data/hubs/<slug>/hub.yaml). */
export const HubSchema = z.strictObject({
  /** URL-safe identifier; must equal the folder name. */
  slug: id,
  /** Name of the hub as shown in headings, e.g. "Ladywood Community Hub". */
  name: text,
  /** The parliamentary constituency the hub serves. */
  constituency: z.strictObject({
    /** Constituency name as in the seed table, e.g. "Birmingham Ladywood". */
    name: text,
    /** ONS code of the constituency, e.g. E14000564 (Birmingham Ladywood, 2010 boundaries). */
    onsCode: z.string().check(rule((v: string) => /^[EWSN]14\d{6}$/.test(v), 'is not an ONS constituency code', 'ONS constituency codes look like E14001096.')),
  }),
  /** Region, e.g. "West Midlands". */
  region: text,
  /** Local authorities covering the hub's area. */
  councils: z.array(text).min(1),
  /** Map centre. */
  centre: LatLngSchema,
  /** Area the hub covers; asset coordinates must fall inside it (plus a small margin). */
  bounds: BoundsSchema,
  /** Approximate number of residents. */
  population: z.int().check(z.positive()),
  /** Welcome text for the home page (plain text). */
  intro: plainText,
  /** How to reach the people who run the hub. */
  contact: ContactSchema,
  /** Languages the hub's pages are offered in, as BCP 47 tags (e.g. en-GB). */
  languages: z
    .array(
      z.string().check(rule((v: string) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), 'is not a language tag', 'Use a BCP 47 tag such as en-GB, pa or ur.')),
    )
    .min(1),
  /** Public address of the hub's site. */
  siteUrl: webUrl,
  /** Where the hub's data is kept, for "Suggest an edit" links. */
  repository: z.strictObject({
    /** Repository web address, e.g. https://github.com/example/town-digital-hub. */
    url: webUrl,
    /** Branch that edits are proposed against. */
    branch: text,
  }),
  /** Neighbourhoods with coordinates, for "near" searches. */
  places: z.array(PlaceSchema).default([]),
  /** Colour overrides. */
  theme: ThemeSchema.optional(),
  /** Licence the hub's data is published under. */
  licence: z.enum(DATA_LICENCES),
  /** True when the assets are fictional examples, not real services. */
  exampleData: z.boolean().default(false),
});

// ---------------------------------------------------------------------------
// Asset

/** Where an asset happens. */
export const LocationSchema = z.strictObject({
  /** Name of the venue, e.g. "St Mary's Church Hall". */
  name: text.optional(),
  /** Street address lines, without town or postcode. */
  address: z.array(text).min(1),
  /** Town or city. */
  town: text.optional(),
  /** UK postcode. */
  postcode,
  /** Latitude of the entrance. */
  lat: latitude,
  /** Longitude of the entrance. */
  lng: longitude,
});

const openingTimes = {
  /** Opening time, HH:MM (24-hour). */
  opens: time,
  /** Closing time, HH:MM (24-hour); after the opening time. */
  closes: time,
};

const closesAfterOpens = rule(
  (s: { opens: string; closes: string }) => !TIME_PATTERN.test(s.opens) || !TIME_PATTERN.test(s.closes) || minutesOf(s.closes) > minutesOf(s.opens),
  'closes before it opens',
  'Check the times: "closes" must be later than "opens" on the same day.',
  ['closes'],
);

/** A weekly session, e.g. every Tuesday and Thursday 10:00–12:00. */
export const WeeklySessionSchema = z
  .strictObject({
    /** Days of the week the session runs. */
    days: z.array(z.enum(DAYS)).min(1),
    ...openingTimes,
    /** Anything people need to know about this session. */
    note: plainText.optional(),
  })
  .check(closesAfterOpens);

/** A monthly session on the nth weekday, e.g. the first Saturday. */
export const MonthlySessionSchema = z
  .strictObject({
    /** Which week: 1–4 for the first to fourth, -1 for the last. */
    week: z.literal([1, 2, 3, 4, -1]),
    /** Day of the week. */
    day: z.enum(DAYS),
    ...openingTimes,
    /** Anything people need to know about this session. */
    note: plainText.optional(),
  })
  .check(closesAfterOpens);

/** A dated one-off event. */
export const DatedEventSchema = z
  .strictObject({
    /** Start, as local date and time YYYY-MM-DDTHH:MM. */
    start: dateTime,
    /** End, as local date and time YYYY-MM-DDTHH:MM; not before the start. */
    end: dateTime.optional(),
    /** Title of this occurrence, when it differs from the asset's name. */
    title: text.optional(),
  })
  .check(rule((e) => !e.end || e.end >= e.start, 'ends before it starts', 'Check the dates: "end" must be the same as or later than "start".', ['end']));

/** A period when the asset does not run. */
export const ClosureSchema = z
  .strictObject({
    /** First day closed, YYYY-MM-DD. */
    from: date,
    /** Last day closed, YYYY-MM-DD. */
    to: date,
    /** Why, in a few words (e.g. "Christmas break"). */
    reason: text.optional(),
  })
  .check(rule((c) => c.to >= c.from, 'ends before it starts', 'Check the dates: "to" must be the same as or later than "from".', ['to']));

/** When an asset runs. */
export const ScheduleSchema = z.strictObject({
  /** Sessions that repeat every week. */
  weekly: z.array(WeeklySessionSchema).optional(),
  /** Sessions on the nth weekday of each month. */
  monthly: z.array(MonthlySessionSchema).optional(),
  /** Dated one-off events. */
  events: z.array(DatedEventSchema).optional(),
  /** Closures and exceptions. */
  closures: z.array(ClosureSchema).optional(),
  /** True when people book a time rather than turn up. */
  byAppointment: z.boolean().optional(),
  /** Anything the structured fields cannot say. */
  note: plainText.optional(),
});

/** What it costs. */
export const CostSchema = z
  .strictObject({
    /** True when it costs nothing. */
    free: z.boolean(),
    /** Price in pounds for one visit or session. */
    amount: z.number().check(z.nonnegative()).optional(),
    /** What the price covers, e.g. "£3 per session, first session free". */
    description: plainText.optional(),
    /** Reduced prices, e.g. "£1.50 for people on benefits". */
    concessions: plainText.optional(),
  })
  .check(rule((c) => !(c.free && c.amount && c.amount > 0), 'is free but has an amount', 'Either set free: false or remove the amount.', ['amount']));

/** Who can use an asset and how they get in. */
export const EligibilitySchema = z
  .strictObject({
    /** Youngest age welcome, in years. */
    ageMin: z.int().check(z.nonnegative(), z.lte(120)).optional(),
    /** Oldest age welcome, in years. */
    ageMax: z.int().check(z.nonnegative(), z.lte(120)).optional(),
    /** Who it is for, in plain words (e.g. "Carers of people with dementia"). */
    whoFor: plainText.optional(),
    /** How people get access. */
    referral: z.enum(REFERRAL_TYPES),
  })
  .check(
    rule(
      (e) => e.ageMin === undefined || e.ageMax === undefined || e.ageMin <= e.ageMax,
      'has ageMin above ageMax',
      'Check the ages: ageMin must not be more than ageMax.',
      ['ageMax'],
    ),
  );

/** The organisation behind an asset. */
export const OrganisationSchema = z.strictObject({
  /** Organisation name. */
  name: text,
  /** Registered charity number (England and Wales: 6–7 digits). */
  charityNumber: z
    .string()
    .check(rule((v: string) => /^\d{6,8}(-\d+)?$/.test(v), 'is not a charity number', 'Charity numbers are 6 to 8 digits, e.g. 1123456.'))
    .optional(),
  /** Companies House number (8 characters). */
  companyNumber: z
    .string()
    .check(rule((v: string) => /^[A-Z0-9]{8}$/i.test(v), 'is not a company number', 'Company numbers are 8 characters, e.g. 01234567 or SC123456.'))
    .optional(),
});

/** Volunteering roles offered. */
export const VolunteeringSchema = z.strictObject({
  /** Roles on offer, e.g. "Tea and chat host". */
  roles: z.array(text).min(1),
  /** Time asked for, e.g. "Two hours a week". */
  commitment: text,
});

/** Where an imported record came from. */
export const SourceSchema = z.strictObject({
  /** Feed address or file name. */
  feed: text,
  /** The record's id in that feed. */
  id: text,
  /** Hash of the imported values, so re-imports never overwrite a volunteer's edit. */
  hash: z.string().optional(),
});

/** One community asset (hub-data/hubs/<slug>/assets/<id>.yaml). */
export const AssetSchema = z
  .strictObject({
    /** Identifier; must equal the file name without .yaml. */
    id,
    /** Name as people know it. */
    name: text,
    /** What kind of asset it is. */
    kind: z.enum(ASSET_KINDS),
    /** One or two sentences, at most 200 characters. */
    summary: plainText.check(
      rule((v: string) => v.length <= 200, 'is longer than 200 characters', 'Shorten the summary to 200 characters or fewer; put the detail in description.'),
    ),
    /** Full description: plain text, blank lines between paragraphs, "- " list items. Never HTML. */
    description: plainText.optional(),
    /** Category ids from the taxonomy. */
    categories: z.array(id).min(1),
    /** Organisation that runs it. */
    organisation: OrganisationSchema.optional(),
    /** Places where it happens. */
    locations: z.array(LocationSchema).optional(),
    /** True when it serves the whole hub area rather than one place. */
    areaWide: z.boolean().optional(),
    /** True when it happens online or by phone. */
    online: z.boolean().optional(),
    /** When it runs. */
    schedule: ScheduleSchema.optional(),
    /** What it costs. */
    cost: CostSchema,
    /** Who it is for and how to get in. */
    eligibility: EligibilitySchema,
    /** Accessibility features offered. */
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).optional(),
    /** How to get in touch. */
    contact: ContactSchema.optional(),
    /** Languages spoken, as BCP 47 tags (e.g. en, pa, ur). */
    languages: z
      .array(
        z
          .string()
          .check(rule((v: string) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), 'is not a language tag', 'Use a language tag such as en, pa, ur or pl.')),
      )
      .optional(),
    /** Volunteering roles and commitment. */
    volunteering: VolunteeringSchema.optional(),
    /** Date someone last checked this entry, YYYY-MM-DD. */
    lastReviewed: date,
    /** Where an imported record came from. */
    source: SourceSchema.optional(),
    /** Free keywords that help search. */
    tags: z.array(text).optional(),
  })
  .check(
    rule(
      (a) => (a.locations?.length ?? 0) > 0 || a.areaWide === true || a.online === true,
      'has no location',
      'Add at least one entry under locations, or set areaWide: true or online: true.',
    ),
  );

export type LatLng = z.infer<typeof LatLngSchema>;
export type Bounds = z.infer<typeof BoundsSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Hub = z.infer<typeof HubSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type WeeklySession = z.infer<typeof WeeklySessionSchema>;
export type MonthlySession = z.infer<typeof MonthlySessionSchema>;
export type DatedEvent = z.infer<typeof DatedEventSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;
export type Cost = z.infer<typeof CostSchema>;
export type Eligibility = z.infer<typeof EligibilitySchema>;
export type Asset = z.infer<typeof AssetSchema>;
