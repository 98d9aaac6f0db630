import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  article {
    display: grid;
    /* Long words, addresses and links from the feed break rather than overflow. */
    overflow-wrap: anywhere;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-inline-start-width: 5px;
    border-radius: var(--_radius);
  }
  :host([selected]) article {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px var(--_primary);
  }
  .kind {
    color: var(--_text-secondary);
    font-size: 0.875em;
  }
  .name {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  a {
    color: var(--_link);
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }
  p,
  dl,
  dd,
  ul {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
  }
  dt {
    font-weight: 700;
  }
  dd span {
    display: block;
  }
  ul,
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  li {
    gap: 0.5em;
  }
  /* A tick drawn in CSS (two borders turned 45°): no icon markup to ship. */
  .access li::before {
    content: '';
    width: 0.375em;
    height: 0.75em;
    margin: 0 0.2em 0.25em;
    border: solid var(--_success);
    border-width: 0 0.1875em 0.1875em 0;
    rotate: 45deg;
  }
  /* Its one button, looking as .hub-button--secondary does in theme.ts (without that sheet's other variants). */
  button {
    justify-self: start;
    padding: 0.45em 0.8em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: inherit;
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
    box-shadow: 0 2px 0 var(--_border);
  }
  button:hover {
    background: color-mix(in srgb, var(--_surface-alt) 85%, black);
  }
  button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }
  @container (max-width: 22rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: calc(var(--_space) * 0.5);
    }
  }
`;
