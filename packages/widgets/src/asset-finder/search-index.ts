/**
 * A small full-text index for a hub's assets: prefix and typo-tolerant, ranking a match in the name above one in the
 * categories or organisation, above one in the summary or tags. Assets are added one at a time (so a caller can build
 * it in slices); terms live in a trie, so prefixes and typos are found by one walk with an edit-distance row per node.
 */
import type { FeedAsset } from '@townhub/schema/feed';
import { Slices } from '../internal/tasks.js';

/** Where a word was found, best first: name, label (category or organisation), text (summary or tags). */
const FIELD_WEIGHT = [3, 2, 1];
const PREFIX = 0.75;
const TYPO = [1, 0.5, 0.3];
/** Ranking keys pack a quantised score above the asset position (positions stay below 2^21). */
const POSITION = 2 ** 21;
const CACHED_WORDS = 48;

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'or', 'by', 'my', 'me', 'i']);

/** Lower-case words without accents or apostrophes; stop words dropped. */
export function tokenize(text: string): string[] {
  let s = text.toLowerCase();
  // Plain ASCII (most text) skips Unicode normalisation and property classes.
  const ascii = !/[^\0-\x7f]/.test(s);
  if (!ascii) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = s.replace(/['’]/g, '').match(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu);
  return words ? words.filter((w) => !STOP_WORDS.has(w)) : [];
}

/** How many typos a word of this length may contain. */
const typosAllowed = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Assets matching a query: positions ascending, with their scores. */
interface Matches {
  docs: Int32Array;
  scores: Float64Array;
}

export class SearchIndex {
  private size = 0;
  /** Assets still to index (see `over`). */
  private source?: readonly FeedAsset[];
  private readonly termIds = new Map<string, number>();
  /** Per term: `assetIndex * 4 + field`, one per asset (its best field), positions ascending. */
  private readonly postings: number[][] = [];
  /** The last asset each term was posted for. */
  private readonly lastDoc: number[] = [];
  // The trie: node 0 is the root; children are a first-child / next-sibling list.
  private readonly nodeChar: number[] = [0];
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  private readonly nodeTerm: number[] = [-1];
  private readonly labelTerms = new Map<string, number[]>();
  private readonly words = new Map<string, Matches>();
  private stamp = new Int32Array(0);
  private best = new Float64Array(0);
  private epoch = 0;

  /** `labels` maps category ids to the words to index (the label and its parent's). */
  constructor(private readonly labels: ReadonlyMap<string, string> = new Map()) {}

  /**
   * An index over `assets` that is filled later: in slices by `complete`, and at once by the first search that comes
   * before that is done, so every search sees every asset and gets the same results whenever it runs.
   */
  static over(assets: readonly FeedAsset[], labels: ReadonlyMap<string, string>): SearchIndex {
    const index = new SearchIndex(labels);
    index.source = assets;
    return index;
  }

  /** Indexes the rest of the assets given to `over`, in slices of `sliceMs` between `pause`s. Rejects when the signal aborts. */
  async complete(signal?: AbortSignal, pause?: () => Promise<void>, sliceMs = 8): Promise<void> {
    const source = this.source;
    if (!source) return;
    const slices = new Slices(signal, sliceMs, pause);
    while (this.size < source.length) {
      this.add(source[this.size] as FeedAsset);
      if ((this.size & 31) === 0 && slices.due) await slices.next();
    }
  }

  /** Adds the next asset (its position is the number added before it). */
  add(asset: FeedAsset): void {
    const doc = this.size++;
    this.words.clear();
    // Fields go best first, so a word's first posting for this asset is its best.
    this.note(doc, this.termsOf(asset.name), 0);
    if (asset.organisation) this.note(doc, this.cachedTerms(asset.organisation), 1);
    for (const id of asset.categories) this.note(doc, this.cachedTerms(this.labels.get(id) ?? ''), 1);
    this.note(doc, this.termsOf(asset.summary), 2);
    if (asset.tags) this.note(doc, this.termsOf(asset.tags), 2);
  }

  /** The term ids of a text's words, adding new terms. */
  private termsOf(text: string): number[] {
    return tokenize(text).map((word) => this.termIds.get(word) ?? this.addTerm(word));
  }

  /** Organisation names and labels repeat across assets: look each up once. */
  private cachedTerms(text: string): number[] {
    let terms = this.labelTerms.get(text);
    if (!terms) {
      terms = this.termsOf(text);
      this.labelTerms.set(text, terms);
    }
    return terms;
  }

  private note(doc: number, terms: number[], field: number): void {
    for (const term of terms) {
      if (this.lastDoc[term] === doc) continue;
      this.lastDoc[term] = doc;
      (this.postings[term] as number[]).push(doc * 4 + field);
    }
  }

  private addTerm(word: string): number {
    const term = this.postings.length;
    this.termIds.set(word, term);
    this.postings.push([]);
    this.lastDoc.push(-1);
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = this.firstChild[node] as number;
      while (child >= 0 && this.nodeChar[child] !== code) child = this.nextSibling[child] as number;
      if (child < 0) {
        child = this.nodeChar.length;
        this.nodeChar.push(code);
        this.firstChild.push(-1);
        this.nodeTerm.push(-1);
        this.nextSibling.push(this.firstChild[node] as number);
        this.firstChild[node] = child;
      }
      node = child;
    }
    this.nodeTerm[node] = term;
    return term;
  }

  /** Calls `found(term, termLength)` for every term in the subtree under `node` (at `depth`). */
  private eachTerm(node: number, depth: number, found: (term: number, length: number) => void): void {
    const term = this.nodeTerm[node] as number;
    if (term >= 0) found(term, depth);
    for (let child = this.firstChild[node] as number; child >= 0; child = this.nextSibling[child] as number) this.eachTerm(child, depth + 1, found);
  }

  /**
   * Terms matching one query word, with how well they match: exactly (1), as a prefix (less for longer terms), or with
   * typos, in the word's length of the term's start or in a slightly shorter whole term. Numbers never match by typo.
   */
  private expand(word: string, found: (term: number, quality: number) => void): void {
    const length = word.length;
    const max = isDigit(word.charCodeAt(0)) ? 0 : typosAllowed(word);
    const rows = [Array.from({ length: length + 1 }, (_, j) => j)];
    const path: number[] = [];
    const visit = (node: number, depth: number) => {
      const code = this.nodeChar[node] as number;
      if (depth === 1 && max > 0 && isDigit(code)) return;
      const prev = rows[depth - 1] as number[];
      const row = [depth];
      let least = depth;
      for (let j = 1; j <= length; j++) {
        let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (code === word.charCodeAt(j - 1) ? 0 : 1));
        if (depth > 1 && j > 1 && code === word.charCodeAt(j - 2) && path[depth - 2] === word.charCodeAt(j - 1)) {
          value = Math.min(value, ((rows[depth - 2] as number[])[j - 2] as number) + 1);
        }
        row.push(value);
        if (value < least) least = value;
      }
      if (least > max) return;
      const d = row[length] as number;
      if (depth >= length && d <= max) {
        // The term's start has the word's length, or is longer within the typos (a missing letter: "walkng"): every
        // term below matches as a prefix or with typos.
        this.eachTerm(node, depth, (term, termLength) =>
          found(
            term,
            d === 0 ? (termLength === length ? 1 : PREFIX * (length / termLength) ** 0.5) : (TYPO[d] as number) * (termLength === depth ? 1 : PREFIX),
          ),
        );
        return;
      }
      if (depth >= length + max) return;
      const term = this.nodeTerm[node] as number;
      if (term >= 0 && d <= max && depth >= length - max) found(term, TYPO[d] as number);
      rows[depth] = row;
      path[depth - 1] = code;
      for (let child = this.firstChild[node] as number; child >= 0; child = this.nextSibling[child] as number) visit(child, depth + 1);
    };
    for (let child = this.firstChild[0] as number; child >= 0; child = this.nextSibling[child] as number) visit(child, 1);
  }

  /** Assets matching one word (cached: typing a second word reuses the first). */
  private matchWord(word: string): Matches {
    const cached = this.words.get(word);
    if (cached) {
      this.words.delete(word);
      this.words.set(word, cached);
      return cached;
    }
    if (this.stamp.length < this.size) {
      this.stamp = new Int32Array(this.size);
      this.best = new Float64Array(this.size);
    }
    const { stamp, best } = this;
    const epoch = ++this.epoch;
    let count = 0;
    this.expand(word, (term, quality) => {
      for (const posting of this.postings[term] as number[]) {
        const doc = posting >> 2;
        const score = (FIELD_WEIGHT[posting & 3] as number) * quality;
        if (stamp[doc] !== epoch) {
          stamp[doc] = epoch;
          best[doc] = score;
          count++;
        } else if (score > (best[doc] as number)) best[doc] = score;
      }
    });
    const docs = new Int32Array(count);
    const scores = new Float64Array(count);
    for (let doc = 0, n = 0; n < count; doc++) {
      if (stamp[doc] === epoch) {
        docs[n] = doc;
        scores[n++] = best[doc] as number;
      }
    }
    const matches = { docs, scores };
    this.words.set(word, matches);
    if (this.words.size > CACHED_WORDS) this.words.delete(this.words.keys().next().value as string);
    return matches;
  }

  /**
   * Positions of the assets matching every word of the query (each word as a prefix or with a typo), best first.
   * Returns undefined for a query with no words of two or more characters (meaning: no keyword filter).
   */
  rank(query: string): Int32Array | undefined {
    // A lone letter would match most of the index; searching starts at two characters (or a digit).
    const words = tokenize(query).filter((w) => w.length > 1 || /\d/.test(w));
    if (words.length === 0) return undefined;
    // Index at once what `complete` has not reached yet.
    const source = this.source;
    if (source) while (this.size < source.length) this.add(source[this.size] as FeedAsset);
    let { docs, scores } = this.matchWord(words[0] as string);
    for (const word of words.slice(1)) {
      // Both lists are in position order: keep the assets in both and add the scores.
      const other = this.matchWord(word);
      const keptDocs = new Int32Array(Math.min(docs.length, other.docs.length));
      const keptScores = new Float64Array(keptDocs.length);
      let n = 0;
      for (let i = 0, j = 0; i < docs.length && j < other.docs.length; ) {
        const a = docs[i] as number;
        const b = other.docs[j] as number;
        if (a < b) i++;
        else if (b < a) j++;
        else {
          keptDocs[n] = a;
          keptScores[n++] = (scores[i++] as number) + (other.scores[j++] as number);
        }
      }
      docs = keptDocs.subarray(0, n);
      scores = keptScores.subarray(0, n);
    }
    // A native numeric sort of packed keys: best score first, then position (scores equal to a millionth tie).
    const keys = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) keys[i] = (1e9 - Math.round((scores[i] as number) * 1e6)) * POSITION + (docs[i] as number);
    keys.sort();
    const ranked = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) ranked[i] = (keys[i] as number) % POSITION;
    return ranked;
  }
}
