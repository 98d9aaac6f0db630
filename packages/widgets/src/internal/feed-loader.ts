import { type DecodedFeed, decodeFeed, type Feed, FeedError } from '@townhub/schema/feed';
import { yieldToMain } from './tasks.js';

const SLICE = 2000;

/**
 * Decodes a feed document in slices of rows, yielding between them, so a 20,000-asset feed never blocks input.
 * Throws FeedError when the document is not a feed.
 */
export async function decodeFeedInSlices(json: unknown, signal?: AbortSignal): Promise<DecodedFeed> {
  const feed = json as Feed;
  if (!feed || typeof feed !== 'object' || !Array.isArray(feed.assets)) return decodeFeed(json);
  const first = decodeFeed({ ...feed, assets: feed.assets.slice(0, SLICE) });
  for (let start = SLICE; start < feed.assets.length; start += SLICE) {
    await yieldToMain();
    signal?.throwIfAborted();
    first.assets.push(...decodeFeed({ ...feed, assets: feed.assets.slice(start, start + SLICE) }).assets);
  }
  return first;
}

/** Fetches and decodes a feed; the signal aborts both. Errors say what went wrong in plain words. */
export async function fetchFeed(url: string, signal?: AbortSignal): Promise<DecodedFeed> {
  const response = await fetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
  if (!response.ok) throw new FeedError(`The list could not be loaded (${response.status} ${response.statusText}).`.replace(' )', ')'));
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new FeedError('The list could not be read.');
  }
  return decodeFeedInSlices(json, signal);
}
