import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    font-size: 1rem;
  }
  .label {
    display: block;
    font-weight: 700;
    font-size: 1.125em;
  }
  .hint {
    margin: 0 0 var(--_space);
    color: var(--_text-secondary);
  }
  p {
    margin: 0;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    padding: 0.3em 0.4em;
    max-width: 100%;
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
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
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--_surface);
    border: 2px solid var(--_text);
    border-top: 0;
  }
  [role='option'] {
    padding: 0.4em 0.6em;
    cursor: pointer;
  }
  [role='option'].category {
    font-style: italic;
  }
  [role='option']:hover {
    background: var(--_surface-alt);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_link);
    color: var(--_surface);
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .filters {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  summary {
    padding: var(--_space) calc(var(--_space) * 2);
    font-weight: 700;
    color: var(--_link);
    cursor: pointer;
  }
  .filter-body {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: 0 calc(var(--_space) * 2) calc(var(--_space) * 2);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_space);
    font-weight: 700;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .check input {
    flex: none;
    width: 1.4em;
    height: 1.4em;
    margin: 0.05em 0 0;
    accent-color: var(--_primary);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    font-weight: 600;
  }
  .inline {
    display: flex;
    gap: var(--_space);
  }
  .age {
    width: 6em;
  }
  .postcode {
    width: 8em;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space);
  }
  .count {
    font-weight: 700;
    font-size: 1.125em;
  }
  .sort {
    grid-auto-flow: column;
    align-items: center;
    gap: 0.5em;
  }
  .results {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .results > li {
    margin: 0;
    padding: 0;
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
  .relax {
    margin: var(--_space) 0 0;
    padding-inline-start: 1.25em;
  }
  .relax li {
    margin-block: 0.25em;
  }
  .message:empty {
    display: none;
  }
`;
