/**
 * Rewrites the static text of every html`…`, svg`…` and css`…` template in a module, nested templates included.
 * A small scanner over the source: it steps over strings, comments, regular expressions and `${…}` expressions, so
 * only template text is ever changed.
 */
export function rewriteTemplates(source: string, rewrite: (tag: string, text: string) => string): string {
  let out = '';
  let i = 0;
  const tagBefore = (at: number): string | undefined => {
    const match = /(?:^|[^\w$.])(html|svg|css)$/.exec(source.slice(Math.max(0, at - 5), at));
    return match?.[1];
  };
  const regexAllowed = (): boolean => {
    const before = out.trimEnd();
    return before === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(before) || /\b(return|typeof|case|in|of|void)$/.test(before);
  };
  const skipQuoted = (quote: string): void => {
    let j = i + 1;
    while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  const skipRegex = (): void => {
    let j = i + 1;
    let inClass = false;
    while (j < source.length && (inClass || source[j] !== '/')) {
      if (source[j] === '\\') j++;
      else if (source[j] === '[') inClass = true;
      else if (source[j] === ']') inClass = false;
      j++;
    }
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  /** Copies code up to the `}` that closes a `${` (or to the end of the module). */
  const code = (inExpression: boolean): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i] as string;
      const next = source[i + 1];
      if (c === '"' || c === "'") skipQuoted(c);
      else if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        out += source.slice(i, end < 0 ? source.length : end);
        i = end < 0 ? source.length : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2) + 2;
        out += source.slice(i, end);
        i = end;
      } else if (c === '/' && regexAllowed()) skipRegex();
      else if (c === '`') template(tagBefore(i));
      else {
        if (c === '{') depth++;
        if (c === '}' && depth-- === 0 && inExpression) return;
        out += c;
        i++;
      }
    }
  };
  const template = (tag: string | undefined): void => {
    out += '`';
    i++;
    let text = '';
    const flush = () => {
      out += tag ? rewrite(tag, text) : text;
      text = '';
    };
    while (i < source.length) {
      const c = source[i] as string;
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        code(true);
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
  };
  code(false);
  return out;
}
