/**
 * Text clean-up for imported feeds: empty strings count as absent, HTML becomes plain text with paragraphs and
 * "- " list items (never kept as markup), and literal quotes some CSV exports wrap values in are removed.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  copy: '©',
  bull: '•',
};

const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** A trimmed string, or undefined for null, non-strings, empty and whitespace-only values. */
export function present(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Like present, without the literal quotes some CSV exports keep around values ("\"+44 1234 234567\""). */
export function unquoted(value: unknown): string | undefined {
  const text = present(value);
  return text && text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? present(text.slice(1, -1)) : text;
}

/** A finite number from a number or numeric string, else undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = present(value);
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Converts feed text, which may be HTML, to plain text: blank lines between paragraphs, "- " before list items,
 * entities decoded, scripts and styles dropped. Anything still looking like a tag afterwards is defused so the
 * result can never be mistaken for markup.
 */
export function htmlToText(value: unknown): string | undefined {
  const raw = present(value);
  if (raw === undefined) return undefined;
  const text = raw.replace(/\r\n?/g, '\n');
  let result = HTML_TAG.test(text) || /&[#a-z0-9]+;/i.test(text) ? fromHtml(text) : tidyPlain(text);
  if (HTML_TAG.test(result)) result = result.replace(/</g, '‹').replace(/>/g, '›');
  return result === '' ? undefined : result;
}

/** Plain text keeps its own line breaks; only spaces at line ends and runs of blank lines are tidied. */
function tidyPlain(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML becomes paragraphs separated by blank lines, with list items kept together as "- " lines. */
function fromHtml(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/\n/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/li\s*>/gi, '')
      .replace(/<\/?(p|div|ul|ol|h[1-6]|blockquote|section|article|table|tr|header|footer)\b[^>]*>/gi, '\n\n')
      .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  );
  const lines = text.split('\n').map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim());
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of lines) {
    if (line === '' || line === '-') {
      flush();
      continue;
    }
    const isItem = line.startsWith('- ');
    const lastIsItem = current.length > 0 && (current[current.length - 1] ?? '').startsWith('- ');
    if (current.length && isItem !== lastIsItem) flush();
    current.push(line);
  }
  flush();
  return blocks.join('\n\n').trim();
}

/** Like htmlToText, on one line (names, titles). */
export function singleLine(value: unknown): string | undefined {
  const text = htmlToText(value);
  return text?.replace(/\n+- /g, ', ').replace(/\s*\n+\s*/g, ' ');
}

/** Lower-case words joined by hyphens, for asset ids: "St Mary's Café" → "st-marys-cafe". */
export function slugify(value: string, maxLength = 60): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}
