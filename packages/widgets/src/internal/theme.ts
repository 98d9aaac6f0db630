/**
 * The theme: every colour and size a widget uses, as `--hub-*` custom properties with defaults.
 *
 * Pages set `--hub-*` anywhere above a widget (they inherit through shadow roots). Inside a widget, styles read the
 * private `--_*` copies defined here, so a default lives in exactly one place. Defaults follow GOV.UK's functional
 * colours but inherit the host page's font. Dark theme: `theme="dark"` or `class="hub-theme-dark"` on the widget.
 *
 * @cssproperty --hub-color-primary - Brand colour for primary buttons and highlights (default #1d70b8).
 * @cssproperty --hub-color-text - Body text (default #0b0c0c).
 * @cssproperty --hub-color-text-secondary - Secondary text (default #505a5f).
 * @cssproperty --hub-color-link - Links (default #1d70b8).
 * @cssproperty --hub-color-focus - Focus highlight (default #ffdd00, with a --hub-color-focus-text outline).
 * @cssproperty --hub-color-error - Errors (default #d4351c).
 * @cssproperty --hub-color-success - Success (default #00703c).
 * @cssproperty --hub-color-border - Borders (default #b1b4b6).
 * @cssproperty --hub-color-surface - Background of cards and panels (default #fff).
 * @cssproperty --hub-color-surface-alt - Background of highlighted areas (default #f3f2f1).
 * @cssproperty --hub-font-family - Font (default: inherited from the page).
 * @cssproperty --hub-radius - Corner radius (default 0).
 * @cssproperty --hub-space - Base spacing unit (default 0.5rem).
 */

import { css, unsafeCSS } from 'lit';

/** Each private colour: its `--hub-color-*` name, light default and dark default (one string: fewer bytes than an array). */
const COLOURS = `primary #1d70b8 #5694ca
on-primary #fff #0b0c0c
text #0b0c0c #f3f2f1
text-secondary #505a5f #c5c8ca
link #1d70b8 #8fb8e4
focus #fd0 #fd0
focus-text #0b0c0c #0b0c0c
error #d4351c #ff8a7a
success #00703c #7bd88f
border #b1b4b6 #6f777b
surface #fff #1b1d1e
surface-alt #f3f2f1 #2a2d2f`;

const colourVariables = unsafeCSS(COLOURS.replace(/(\S+) (\S+) (\S+)\n?/g, '--_$1:var(--hub-color-$1,light-dark($2,$3));'));

/**
 * Private variables every widget reads; defined once on :host so the page can override any `--hub-*`. Each colour's
 * default is a `light-dark()` pair: the dark theme only switches `color-scheme`.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    ${colourVariables}
    --_radius: var(--hub-radius, 0);
    --_space: var(--hub-space, 0.5rem);
    --_font: var(--hub-font-family, inherit);
  }
  :host([theme='dark']),
  :host(.hub-theme-dark) {
    color-scheme: dark;
  }
`;

/**
 * Host reset: the widget's box is the page's, but inherited text properties are reset inside the shadow root so a
 * hostile page (`* { text-transform: uppercase; line-height: 0.8 }`) cannot garble the widget.
 */
export const hostStyles = css`
  ${themeStyles}
  :host {
    display: block;
    box-sizing: border-box;
    /* Our own surface, so our text keeps its contrast on any host page background. */
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    white-space: normal;
    font-style: normal;
    font-weight: normal;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** The GOV.UK-style focus style of a link: yellow fill with a dark underline (all a card needs: its links). */
export const linkFocusStyles = /* @__PURE__ */ (() => css`
  a:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    outline: 3px solid transparent;
    text-decoration: none;
  }
`)();

/** The GOV.UK-style focus ring: yellow outline with a dark ring; links as `linkFocusStyles`. */
export const focusStyles = /* @__PURE__ */ (() => css`
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  ${linkFocusStyles}
`)();

/** Buttons: `.hub-button` (primary) and `.hub-button--secondary`; a variant only sets the three colours. */
export const buttonBaseStyles = /* @__PURE__ */ (() => css`
  .hub-button {
    --_bg: var(--_primary);
    --_fg: var(--_on-primary);
    --_edge: color-mix(in srgb, var(--_primary) 60%, black);
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    margin: 0;
    padding: 0.45em 0.8em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    cursor: pointer;
    box-shadow: 0 2px 0 var(--_edge);
  }
  .hub-button:hover {
    background: color-mix(in srgb, var(--_bg) 85%, black);
  }
  .hub-button--secondary {
    --_bg: var(--_surface-alt);
    --_fg: var(--_text);
    --_edge: var(--_border);
  }
  .hub-button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }
  .hub-button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
`)();

// The pure calls below let a bundle drop these styles when no widget in it uses them.

/** `.hub-button--link`: a button that looks like a link (with `.hub-button`). */
export const linkButtonStyles = /* @__PURE__ */ (() => css`
  .hub-button--link,
  .hub-button--link:hover {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font-weight: inherit;
    text-decoration: underline;
    box-shadow: none;
  }
  .hub-button--link:hover {
    text-decoration-thickness: 3px;
  }
  .hub-button--link:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }
`)();

/** Buttons: `.hub-button` (primary), `.hub-button--secondary`, `.hub-button--link` (looks like a link). */
export const buttonStyles = /* @__PURE__ */ (() => css`${buttonBaseStyles}${linkButtonStyles}`)();

/** Hides content visually while keeping it for screen readers. */
export const visuallyHidden = /* @__PURE__ */ (() => css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }
`)();
