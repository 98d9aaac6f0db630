import { css } from 'lit';

export const styles = css`
  .base,
  .results {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .base {
    font-size: 1rem;
  }
  .label,
  .count {
    font-weight: 700;
    font-size: 1.125em;
  }
  .label {
    display: block;
  }
  .hint {
    margin-block-end: var(--_space);
    color: var(--_text-secondary);
  }
  p,
  .results,
  #suggestions {
    margin: 0;
  }
  input,
  select,
  #suggestions {
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_text);
  }
  input,
  select {
    font: inherit;
    border-radius: var(--_radius);
    padding: 0.3em 0.4em;
    max-width: 100%;
  }
  input:focus-visible,
  select:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .combobox {
    position: relative;
  }
  #q {
    width: 100%;
    padding: 0.45em 0.5em;
    font-size: 1.125em;
  }
  #suggestions {
    position: absolute;
    inset-inline: 0;
    z-index: 10;
    border-top: 0;
  }
  #suggestions,
  .results {
    padding: 0;
    list-style: none;
  }
  [role='option'] {
    padding: 0.4em 0.6em;
    cursor: pointer;
  }
  .category {
    font-style: italic;
  }
  [role='option']:hover {
    background: var(--_surface-alt);
  }
  [aria-selected='true'] {
    background: var(--_link);
    color: var(--_surface);
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .filters {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    padding: var(--_space) calc(var(--_space) * 2);
    font-weight: 700;
    color: var(--_link);
    cursor: pointer;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    font-weight: 600;
  }
  .sort {
    grid-auto-flow: column;
    align-items: center;
    gap: 0.5em;
  }
  .results > li {
    /* Off-screen cards skip layout and paint. */
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }
  .more {
    display: grid;
    justify-items: center;
  }
  .sentinel {
    height: 1px;
  }
  .empty,
  .error,
  .loading,
  .example {
    padding: calc(var(--_space) * 2);
    border-inline-start: 5px solid var(--_border);
    background: var(--_surface-alt);
  }
  .error {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    border-color: var(--_error);
  }
`;
