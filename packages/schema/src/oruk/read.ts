/** Recognises the shapes ORUK JSON arrives in: one service, a bare array, or a v1 / 3.0 page envelope. */

export type OrukVersion = '1.0' | '3.0';

/** One page (or whole document) of service records. */
export interface OrukPage {
  /** Which envelope it came in; undefined for a single service or a bare array. */
  version?: OrukVersion;
  records: unknown[];
  /** Page number as the document states it, when it is an envelope. */
  pageNumber?: number;
  /** Total pages as the document states it. */
  totalPages?: number;
  /** True when the envelope says this is the last page (or there is no envelope). */
  last: boolean;
}

/** Thrown when a document is not ORUK service JSON; the message names where it came from. */
export class OrukFormatError extends Error {
  override name = 'OrukFormatError';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const int = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/**
 * Reads a parsed JSON document. `contents[]` means a 3.0 page, `content[]` a v1 page, an array is a list of
 * services and an object with an id and a name (or a services[] key) one service. `where` names the source in errors.
 */
export function readPage(body: unknown, where: string): OrukPage {
  const page = readEnvelope(body, where);
  return { ...page, records: page.records.map(serviceOf) };
}

/** A service_at_location record (location plus nested service) becomes its service with that one location. */
function serviceOf(record: unknown): unknown {
  if (!isObject(record) || !isObject(record.service) || !isObject(record.location)) return record;
  const { service, location, ...link } = record;
  return { ...service, service_at_locations: [{ ...link, location }] };
}

function readEnvelope(body: unknown, where: string): OrukPage {
  if (Array.isArray(body)) return { records: body, last: true };
  if (isObject(body)) {
    if (Array.isArray(body.contents)) {
      const pageNumber = int(body.page_number);
      const totalPages = int(body.total_pages);
      const last = body.last_page === true || body.contents.length === 0 || (pageNumber !== undefined && totalPages !== undefined && pageNumber >= totalPages);
      return { version: '3.0', records: body.contents, pageNumber, totalPages, last };
    }
    if (Array.isArray(body.content)) {
      const number = int(body.number);
      const totalPages = int(body.totalPages);
      const last = body.last === true || body.content.length === 0 || (number !== undefined && totalPages !== undefined && number >= totalPages);
      return { version: '1.0', records: body.content, pageNumber: number, totalPages, last };
    }
    if (Array.isArray(body.services)) return { records: body.services, last: true };
    if ('id' in body || 'name' in body) return { records: [body], last: true };
  }
  throw new OrukFormatError(
    `${where} is not Open Referral UK service data: expected a service, a list of services, or a page with "contents" (3.0) or "content" (v1).`,
  );
}
