/**
 * Open Referral UK: reading feeds into hub assets and publishing hubs as a static ORUK 3.0 API.
 * Node only (uses node:crypto); browsers should not import it.
 */
export { isCsvPackage, parseCsv, servicesFromCsv } from './csv.ts';
export { ORUK_VERSION, type OrukExportOptions, orukApiFiles, orukService, serviceId } from './export.ts';
export { canonicalJson, contentHash, uuidFor } from './ids.ts';
export {
  EXTENSION_KEY,
  type MapContext,
  type Mapped,
  mapService,
  OWN_TAXONOMIES,
  type Skipped,
  type SkipReason,
  type TermMapping,
  TermMappingSchema,
} from './map.ts';
export { OrukFormatError, type OrukPage, type OrukVersion, readPage } from './read.ts';
export { htmlToText, present, singleLine, slugify } from './text.ts';
