import { assetDecoder, type DecodedFeed, decodeFeed, type Feed, FeedError } from '@townhub/schema/feed';
import { Slices } from './tasks.js';

/** Characters of asset rows parsed at a time. */
const CHUNK = 65536;
const ASSETS = '"assets":[';

/**
 * Reads a feed as it arrives and decodes its rows a chunk at a time: reading and parsing a 20,000-asset feed in one go
 * is a long task. The rows of `assets` (the last key, one row per line, as `feedJson` writes it) are cut at newlines; a
 * document laid out any other way is parsed whole once it has arrived (one long task, but still correct).
 */
async function readFeed(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<DecodedFeed> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const slices = new Slices(signal);
  const whole: string[] = [];
  let streaming = true;
  let head: Feed | undefined;
  let decoded: DecodedFeed | undefined;
  let decodeRows: ReturnType<typeof assetDecoder> | undefined;
  /** Text not yet parsed: the start of a row (after the head), then rows as they arrive. */
  let rest = '';
  let ended = false;
  /** Whether rows come one per line; known once the first character after `"assets":[` has arrived. */
  let lines: boolean | undefined;
  const flushRows = (text: string) => {
    const rows = JSON.parse(`[${text}]`) as Feed['assets'];
    for (const asset of (decodeRows as ReturnType<typeof assetDecoder>)(rows)) decoded?.assets.push(asset);
  };
  for (;;) {
    const { done, value = new Uint8Array() } = await reader.read();
    signal?.throwIfAborted();
    // A read can be a megabyte: decoding that much UTF-8 at once would be a long task of its own.
    let text = '';
    for (let i = 0; i < value.length || (done && !i); i += CHUNK) {
      text += decoder.decode(value.subarray(i, i + CHUNK), { stream: !done });
      if (slices.due) await slices.next();
    }
    whole.push(text);
    if (streaming) {
      rest += text;
      try {
        if (!head) {
          const start = rest.indexOf(ASSETS);
          if (start >= 0) {
            head = JSON.parse(`${rest.slice(0, start)}"assets":[]}`) as Feed;
            decoded = decodeFeed(head);
            decodeRows = assetDecoder(decoded.categories);
            rest = rest.slice(start + ASSETS.length);
          }
        }
        // One row per line (as feedJson writes): a newline always ends a row, so cut at the first one past a chunk's worth.
        if (head && lines === undefined && rest.length > 0) lines = rest[0] === '\n';
        if (lines === false) streaming = false;
        while (lines && !ended) {
          let cut = rest.indexOf('\n', CHUNK);
          if (cut < 0 && done) cut = rest.lastIndexOf('\n]');
          if (cut < 0) break;
          const last = rest.startsWith('\n]', cut);
          flushRows(rest.slice(0, cut).replace(/,$/, ''));
          rest = rest.slice(cut + (last ? 2 : 0));
          ended = last;
          if (slices.due) await slices.next();
        }
      } catch (error) {
        // Not laid out as expected: parse the whole document once it has arrived.
        if (signal?.aborted) throw error;
        streaming = false;
      }
    }
    if (done) break;
  }
  if (streaming && decoded && ended && rest.trim() === '}') return decoded;
  return decodeFeed(JSON.parse(whole.join('')));
}

/** Fetches and decodes a feed; the signal aborts both. Errors say what went wrong in plain words. */
export async function fetchFeed(url: string, signal?: AbortSignal): Promise<DecodedFeed> {
  const response = await fetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
  if (!response.ok) throw new FeedError(`The list could not be loaded (${response.status} ${response.statusText}).`.replace(' )', ')'));
  try {
    return await readFeed(response.body ?? new Response('').body!, signal);
  } catch (error) {
    throw error instanceof SyntaxError ? new FeedError('The list could not be read.') : error;
  }
}
