/**
 * HSDS / ORUK CSV packages: a folder of CSV files, one per table, linked by ids. `servicesFromCsv` nests them
 * into the same shape as the 3.0 JSON `/services/{id}` documents, so one mapping serves both.
 */

type Row = Record<string, string>;

/**
 * Parses CSV text (RFC 4180 quoting). Line ends may be LF, CRLF or the CR CR LF some exports write; blank rows
 * are skipped. Returns one object per row keyed by the header.
 */
export function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (record.length > 1 || (record[0] ?? '') !== '') records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r') {
      // Part of a line end (CRLF or CR CR LF); a lone CR also ends the record.
      if (text[i + 1] !== '\r' && text[i + 1] !== '\n') endRecord();
    } else if (ch === '\n') endRecord();
    else field += ch;
  }
  if (field !== '' || record.length) endRecord();
  const [header, ...rows] = records;
  if (!header) return [];
  const keys = header.map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(keys.map((k, j) => [k, r[j] ?? ''])));
}

/** Table names as they appear in packages, singular and plural. */
const TABLES = {
  service: ['services', 'service'],
  organization: ['organizations', 'organization'],
  organization_identifier: ['organization_identifiers', 'organization_identifier'],
  location: ['locations', 'location'],
  address: ['addresses', 'address', 'physical_addresses', 'physical_address'],
  accessibility: ['accessibility', 'accessibilities', 'accessibility_for_disabilities'],
  service_at_location: ['service_at_locations', 'service_at_location'],
  schedule: ['schedules', 'schedule', 'regular_schedules', 'regular_schedule'],
  holiday_schedule: ['holiday_schedules', 'holiday_schedule'],
  cost_option: ['cost_options', 'cost_option'],
  contact: ['contacts', 'contact'],
  phone: ['phones', 'phone'],
  language: ['languages', 'language'],
  service_area: ['service_areas', 'service_area'],
  attribute: ['attributes', 'attribute'],
  taxonomy_term: ['taxonomy_terms', 'taxonomy_term', 'taxonomies', 'taxonomy'],
  service_taxonomy: ['service_taxonomies', 'service_taxonomys', 'service_taxonomy'],
  eligibility: ['eligibilitys', 'eligibilities', 'eligibility'],
} as const;

type Table = keyof typeof TABLES;

/** True when the file names look like an HSDS CSV package (there is a services table). */
export function isCsvPackage(fileNames: readonly string[]): boolean {
  return fileNames.some((f) => /^services?\.csv$/i.test(f));
}

/**
 * Nests a CSV package into service documents. `files` maps file names (e.g. "services.csv") to their text.
 * Rows are merged across singular and plural files by id; references that point nowhere are ignored.
 */
export function servicesFromCsv(files: ReadonlyMap<string, string>): Record<string, unknown>[] {
  const byName = new Map([...files].map(([name, text]) => [name.toLowerCase().replace(/\.csv$/, ''), text]));
  const tables = {} as Record<Table, Row[]>;
  for (const [table, names] of Object.entries(TABLES) as [Table, readonly string[]][]) {
    const seen = new Set<string>();
    tables[table] = [];
    for (const name of names) {
      const text = byName.get(name);
      if (text === undefined) continue;
      // taxonomies.csv describes vocabularies, not terms; only read it when it carries term columns.
      const rows = parseCsv(text).filter((r) => table !== 'taxonomy_term' || name.startsWith('taxonomy_term') || 'parent_id' in r);
      for (const row of rows) {
        const id = row.id ?? '';
        if (id && seen.has(id)) continue;
        if (id) seen.add(id);
        tables[table].push(row);
      }
    }
  }
  const group = (table: Table, key: string) => {
    const map = new Map<string, Row[]>();
    for (const row of tables[table]) {
      const k = row[key];
      if (!k) continue;
      map.set(k, [...(map.get(k) ?? []), row]);
    }
    return map;
  };
  const byId = (table: Table) => new Map(tables[table].map((r) => [r.id ?? '', r]));

  const organizations = byId('organization');
  const identifiersByOrg = group('organization_identifier', 'organization_id');
  const locations = byId('location');
  const addressesByLocation = group('address', 'location_id');
  const accessibilityByLocation = group('accessibility', 'location_id');
  const salByService = group('service_at_location', 'service_id');
  const schedulesByService = group('schedule', 'service_id');
  const schedulesBySal = group('schedule', 'service_at_location_id');
  const holidaysByService = group('holiday_schedule', 'service_id');
  const costsByService = group('cost_option', 'service_id');
  const contactsByService = group('contact', 'service_id');
  const phonesByContact = group('phone', 'contact_id');
  const phonesByService = group('phone', 'service_id');
  const languagesByService = group('language', 'service_id');
  const areasByService = group('service_area', 'service_id');
  const attributesByLink = group('attribute', 'link_id');
  const serviceTaxonomies = group('service_taxonomy', 'service_id');
  const eligibilityByService = group('eligibility', 'service_id');
  const terms = byId('taxonomy_term');

  const locationDoc = (id: string) => {
    const location = locations.get(id);
    if (!location) return undefined;
    return { ...location, addresses: addressesByLocation.get(id) ?? [], accessibility: accessibilityByLocation.get(id) ?? [] };
  };

  return tables.service.map((service) => {
    const id = service.id ?? '';
    const organization = organizations.get(service.organization_id ?? '');
    const sals = salByService.get(id) ?? [];
    const attributes = [
      ...(attributesByLink.get(id) ?? []).map((a) => ({ ...a, taxonomy_term: terms.get(a.taxonomy_term_id ?? '') })),
      ...(serviceTaxonomies.get(id) ?? []).map((st) => ({ id: st.id, taxonomy_term: terms.get(st.taxonomy_id ?? st.taxonomy_term_id ?? '') })),
    ];
    return {
      ...service,
      organization: organization && { ...organization, organization_identifiers: identifiersByOrg.get(organization.id ?? '') ?? [] },
      service_at_locations: sals.map((sal) => ({ ...sal, location: locationDoc(sal.location_id ?? ''), schedules: schedulesBySal.get(sal.id ?? '') ?? [] })),
      schedules: (schedulesByService.get(id) ?? []).filter((s) => !s.service_at_location_id || !sals.some((sal) => sal.id === s.service_at_location_id)),
      holiday_schedules: holidaysByService.get(id) ?? [],
      cost_options: costsByService.get(id) ?? [],
      contacts: (contactsByService.get(id) ?? []).map((c) => ({ ...c, phones: phonesByContact.get(c.id ?? '') ?? [] })),
      phones: phonesByService.get(id) ?? [],
      languages: languagesByService.get(id) ?? [],
      service_areas: areasByService.get(id) ?? [],
      eligibilitys: eligibilityByService.get(id) ?? [],
      attributes,
    };
  });
}
