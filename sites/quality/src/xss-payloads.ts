/**
 * A corpus of cross-site scripting payloads. Each one, if it ever ran, would set the global canary `window.__xss`
 * (or open a dialog), so a test can tell "rendered as text" from "executed" in a real browser.
 *
 * - `markup` payloads contain HTML tags: the schema refuses tags in plain-text fields (summary, description, notes,
 *   whoFor, intro, cost texts), so they go into fields that allow any text (names, places, addresses, tags, roles…).
 * - `text` payloads contain no tag and may go anywhere, plain-text fields included.
 * - `BAD_SCHEME_URLS` must be rejected by `townhub check` in every URL field.
 * - `BREAKOUT_URLS` are valid https links carrying breakout characters: they pass `check` and must render inert.
 */

/** The global a payload sets when it runs. */
export const CANARY = '__xss';

export interface Payload {
  /** Short stable name, used in test messages. */
  id: string;
  /** `markup` contains HTML tags; `text` does not. */
  kind: 'markup' | 'text';
  value: string;
}

const run = 'window.__xss=1';

export const PAYLOADS: readonly Payload[] = [
  // Script tags
  { id: 'script-tag', kind: 'markup', value: `<script>${run}</script>` },
  { id: 'script-src-data', kind: 'markup', value: `<script src="data:text/javascript,${run}"></script>` },
  { id: 'script-close-breakout', kind: 'markup', value: `</script><script>${run}</script>` },
  { id: 'script-mixed-case', kind: 'markup', value: `<ScRiPt>${run}</sCrIpT>` },
  { id: 'script-in-style', kind: 'markup', value: `</style><script>${run}</script>` },
  { id: 'script-in-textarea', kind: 'markup', value: `</textarea><script>${run}</script>` },
  { id: 'script-in-title', kind: 'markup', value: `</title><script>${run}</script>` },
  // Event-handler attributes
  { id: 'img-onerror', kind: 'markup', value: `<img src=x onerror="${run}">` },
  { id: 'svg-onload', kind: 'markup', value: `<svg onload="${run}"></svg>` },
  { id: 'body-onload', kind: 'markup', value: `<body onload="${run}">` },
  { id: 'details-ontoggle', kind: 'markup', value: `<details open ontoggle="${run}"><summary>x</summary></details>` },
  { id: 'input-autofocus', kind: 'markup', value: `<input autofocus onfocus="${run}">` },
  { id: 'video-source-onerror', kind: 'markup', value: `<video><source onerror="${run}"></video>` },
  { id: 'attribute-breakout', kind: 'markup', value: `"><img src=x onerror=${run}>` },
  { id: 'single-quote-breakout', kind: 'markup', value: `'><svg onload=${run}>` },
  // javascript: and data: URLs inside markup
  { id: 'a-javascript-href', kind: 'markup', value: `<a href="javascript:${run}">click</a>` },
  { id: 'iframe-data-url', kind: 'markup', value: `<iframe src="data:text/html,<script>parent.${run}</script>"></iframe>` },
  { id: 'object-data', kind: 'markup', value: `<object data="javascript:${run}"></object>` },
  { id: 'meta-refresh', kind: 'markup', value: `<meta http-equiv="refresh" content="0;url=javascript:${run}">` },
  // SVG and MathML tricks
  { id: 'svg-script', kind: 'markup', value: `<svg><script>${run}</script></svg>` },
  { id: 'svg-animate', kind: 'markup', value: `<svg><animate onbegin="${run}" attributeName="x" dur="1s"/></svg>` },
  {
    id: 'svg-use-data',
    kind: 'markup',
    value: `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${run}'/></svg>#x"/></svg>`,
  },
  { id: 'mathml-href', kind: 'markup', value: `<math><mtext><a href="javascript:${run}">m</a></mtext></math>` },
  { id: 'mathml-mglyph-style', kind: 'markup', value: `<math><mtext><table><mglyph><style><img src=x onerror="${run}">` },
  { id: 'noscript-breakout', kind: 'markup', value: `<noscript><p title="</noscript><img src=x onerror=${run}>">` },
  { id: 'comment-breakout', kind: 'markup', value: `<!--><img src=x onerror=${run}>-->` },
  // Entity and Unicode tricks (no tags, allowed in plain-text fields)
  { id: 'entity-script', kind: 'text', value: `&lt;script&gt;${run}&lt;/script&gt;` },
  { id: 'numeric-entity-img', kind: 'text', value: `&#60;img src=x onerror=${run}&#62;` },
  { id: 'hex-entity-script', kind: 'text', value: `&#x3C;script&#x3E;${run}&#x3C;/script&#x3E;` },
  { id: 'js-unicode-escape', kind: 'text', value: `\\u003cscript\\u003e${run}\\u003c/script\\u003e` },
  { id: 'fullwidth-brackets', kind: 'text', value: `＜script＞${run}＜/script＞` },
  { id: 'line-separators', kind: 'text', value: `\u2028\u2029${run}//\u2028` },
  { id: 'rtl-override', kind: 'text', value: `\u202e${run}\u202c` },
  { id: 'javascript-text', kind: 'text', value: `javascript:${run}` },
  // Template-literal and attribute breakouts (no tags)
  { id: 'template-literal', kind: 'text', value: `\${${run}}` },
  { id: 'backtick-breakout', kind: 'text', value: `\`;${run};\`` },
  { id: 'double-quote-attribute', kind: 'text', value: `" onmouseover="${run}" x="` },
  { id: 'single-quote-attribute', kind: 'text', value: `' onfocus='${run}' autofocus x='` },
  { id: 'json-breakout', kind: 'text', value: `"}];${run};//` },
  { id: 'angular-template', kind: 'text', value: `{{constructor.constructor('${run}')()}}` },
  { id: 'css-expression', kind: 'text', value: `x;background:url(javascript:${run})` },
];

/** URLs with a scheme the schema must refuse, in every URL field. */
export const BAD_SCHEME_URLS: readonly string[] = [
  `javascript:${run}`,
  `JaVaScRiPt:${run}`,
  ` javascript:${run}`,
  `java\tscript:${run}`,
  `javascript&colon;${run}`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `file:///etc/passwd`,
  `blob:https://example.org/0`,
];

/** Valid https links carrying breakout characters: allowed by the schema, must render inert. */
export const BREAKOUT_URLS: readonly string[] = [
  `https://example.org/"><script>${run}</script>`,
  `https://example.org/?q='><img src=x onerror=${run}>`,
  `https://example.org/#" onmouseover="${run}`,
  `https://example.org/</script><svg onload=${run}>`,
];

export const MARKUP_PAYLOADS = PAYLOADS.filter((p) => p.kind === 'markup');
export const TEXT_PAYLOADS = PAYLOADS.filter((p) => p.kind === 'text');
