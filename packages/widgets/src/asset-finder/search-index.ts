/**
 * A small full-text index for a hub's assets: prefix and typo-tolerant, ranking a match in the name above one in the
 * categories or organisation, above one in the summary or tags. Built in slices so 20,000 assets never block input;
 * a query over 20,000 assets takes a few milliseconds.
 */
import type { FeedAsset } from '@townhub/schema/feed';
import { inSlices } from '../internal/tasks.js';

/** Where a word was found, best first. */
enum Field {
  Name = 0,
  Label = 1,
  Text = 2,
}
const FIELD_WEIGHT = [3, 2, 1];
const EXACT = 1;
const PREFIX = 0.75;
const TYPO = [1, 0.5, 0.3];

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'or', 'by', 'my', 'me', 'i']);

/** Lower-case words without accents or apostrophes; stop words dropped. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  return words ? words.filter((w) => !STOP_WORDS.has(w)) : [];
}

/** Edit distance counting a swap of neighbours as one typo (optimal string alignment), or `max + 1` once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** How many typos a word of this length may contain. */
const typosAllowed = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

export interface SearchHit {
  /** Position of the asset in the indexed array. */
  index: number;
  score: number;
}

export class SearchIndex {
  /** term → postings, each `assetIndex * 4 + field` (best field per asset). */
  private readonly postings = new Map<string, number[]>();
  private terms: string[] = [];
  private size = 0;
  private startsCache = new Map<number, Map<string, string[]>>();
  private lengthCache?: Map<number, string[]>;

  /** Word terms (not numbers) grouped by their first `length` characters; built once per length. */
  private starts(length: number): Map<string, string[]> {
    let starts = this.startsCache.get(length);
    if (!starts) {
      starts = new Map();
      for (const term of this.terms) {
        if (term.length < length || /^\d/.test(term)) continue;
        const start = term.slice(0, length);
        const list = starts.get(start);
        if (list) list.push(term);
        else starts.set(start, [term]);
      }
      this.startsCache.set(length, starts);
    }
    return starts;
  }

  /** Word terms (not numbers) grouped by length. */
  private byLength(): Map<number, string[]> {
    if (!this.lengthCache) {
      this.lengthCache = new Map();
      for (const term of this.terms) {
        if (/^\d/.test(term)) continue;
        const list = this.lengthCache.get(term.length);
        if (list) list.push(term);
        else this.lengthCache.set(term.length, [term]);
      }
    }
    return this.lengthCache;
  }

  /**
   * Indexes the assets in slices; `labels` maps category ids to the words to index (the label and its parent's).
   * Rejects when the signal aborts.
   */
  static async build(assets: readonly FeedAsset[], labels: ReadonlyMap<string, string>, signal?: AbortSignal): Promise<SearchIndex> {
    const index = new SearchIndex();
    index.size = assets.length;
    await inSlices(assets.length, (i) => index.add(assets[i] as FeedAsset, i, labels), signal);
    index.terms = [...index.postings.keys()].sort();
    return index;
  }

  /** Builds the index in one go (small feeds and tests). */
  static buildSync(assets: readonly FeedAsset[], labels: ReadonlyMap<string, string>): SearchIndex {
    const index = new SearchIndex();
    index.size = assets.length;
    assets.forEach((asset, i) => {
      index.add(asset, i, labels);
    });
    index.terms = [...index.postings.keys()].sort();
    return index;
  }

  private add(asset: FeedAsset, i: number, labels: ReadonlyMap<string, string>): void {
    const best = new Map<string, Field>();
    const note = (text: string | undefined, field: Field) => {
      if (!text) return;
      for (const word of tokenize(text)) {
        const seen = best.get(word);
        if (seen === undefined || field < seen) best.set(word, field);
      }
    };
    note(asset.name, Field.Name);
    note(asset.organisation, Field.Label);
    for (const id of asset.categories) note(labels.get(id), Field.Label);
    note(asset.summary, Field.Text);
    note(asset.tags, Field.Text);
    for (const [word, field] of best) {
      const list = this.postings.get(word);
      if (list) list.push(i * 4 + field);
      else this.postings.set(word, [i * 4 + field]);
    }
  }

  /** Terms matching one query word, with how well they match: exact, as a prefix, or with typos. */
  private expand(word: string): [string, number][] {
    const out: [string, number][] = [];
    // Prefix matches sit together in the sorted term list.
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.terms[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.terms.length && (this.terms[i] as string).startsWith(word); i++) {
      const term = this.terms[i] as string;
      out.push([term, term === word ? EXACT : PREFIX * (word.length / term.length) ** 0.5]);
    }
    const max = typosAllowed(word);
    if (max > 0) {
      // Typos: compare with each distinct term start of the word's length (far fewer than terms), and with the
      // slightly shorter terms. Numbers are never typo-matched.
      for (const [start, terms] of this.starts(word.length)) {
        if (start.startsWith(word)) continue;
        const d = editDistance(word, start, max);
        if (d > max) continue;
        for (const term of terms) out.push([term, (TYPO[d] ?? 0.2) * (term === start ? 1 : PREFIX)]);
      }
      for (let length = word.length - max; length < word.length; length++) {
        for (const term of this.byLength().get(length) ?? []) {
          const d = editDistance(word, term, max);
          if (d <= max) out.push([term, TYPO[d] ?? 0.2]);
        }
      }
    }
    return out;
  }

  /**
   * Assets matching every word of the query (each word as a prefix or with a typo), best first.
   * Returns undefined for a query with no words of two or more characters (meaning: no keyword filter).
   */
  search(query: string): SearchHit[] | undefined {
    // A lone letter would match most of the index; searching starts at two characters (or a digit).
    const words = tokenize(query).filter((w) => w.length > 1 || /\d/.test(w));
    if (words.length === 0) return undefined;
    const total = new Float64Array(this.size);
    const matched = new Uint8Array(this.size);
    const wordScore = new Float64Array(this.size);
    words.forEach((word, w) => {
      wordScore.fill(0);
      for (const [term, quality] of this.expand(word)) {
        for (const posting of this.postings.get(term) ?? []) {
          const doc = posting >> 2;
          const score = (FIELD_WEIGHT[posting & 3] as number) * quality;
          if (score > (wordScore[doc] as number)) wordScore[doc] = score;
        }
      }
      for (let doc = 0; doc < this.size; doc++) {
        if ((wordScore[doc] as number) > 0 && matched[doc] === w) {
          matched[doc] = w + 1;
          total[doc] = (total[doc] as number) + (wordScore[doc] as number);
        }
      }
    });
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < this.size; doc++) if (matched[doc] === words.length) hits.push({ index: doc, score: total[doc] as number });
    return hits.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
