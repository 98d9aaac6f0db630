import { css } from 'lit';

export const styles = css`
  .heading {
    font-weight: 700;
  }
  .heading--title {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.5em;
  }
  .heading--section {
    margin: calc(var(--_space) * 5) 0 var(--_space);
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 2px solid var(--_border);
    font-size: 1.25em;
  }
  .hint,
  .meta {
    margin: 0 0 var(--_space);
    color: var(--_text-secondary);
  }
  .items {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  .item {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item--done {
    border-inline-start: 5px solid var(--_success);
  }
  .item--row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .asset-name {
    font-weight: 600;
  }
  a {
    color: var(--_link);
  }
  .add {
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    background: var(--_surface);
  }
  .form-title {
    margin: 0 0 var(--_space);
    font-weight: 700;
  }
  .field {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .field > label,
  .field > legend {
    display: block;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 600;
  }
  .field--error {
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 5px solid var(--_error);
  }
  .error-message {
    margin: 0 0 var(--_space);
    color: var(--_error);
    font-weight: 700;
  }
  input:not([type='radio'], [type='checkbox'], [type='file']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 40em;
    padding: 0.35em;
    border: 2px solid var(--_text);
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[type='date'] {
    inline-size: auto;
  }
  .field--error input,
  .field--error textarea {
    border-color: var(--_error);
  }
  /* Date inputs focus inner fields (day, month, year, then the picker button, which matches only :focus-within). */
  :where(input, select, textarea):focus-visible,
  input[type='date']:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .row > .field {
    flex: 1 1 12em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 44px;
    margin-block-end: var(--_space);
  }
  .choice input {
    inline-size: 28px;
    block-size: 28px;
    margin: 0;
    accent-color: var(--_text);
  }
  .notice,
  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-inline-start: 5px solid var(--_success);
    background: var(--_surface-alt);
  }
  .warning {
    display: block;
    border-inline-start-color: var(--_error);
  }
  .warning p {
    margin: 0 0 var(--_space);
  }
  .warning-title {
    font-weight: 700;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 3);
  }
  .share {
    margin-block-start: calc(var(--_space) * 2);
  }
  .live-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .live-item {
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 2);
  }
  .live-item input {
    inline-size: 100%;
  }
  .print {
    display: none;
  }
  @media print {
    .print + .editor {
      display: none;
    }
    .print {
      display: block;
      color: #000;
      font-size: 11pt;
    }
    .print .section-heading {
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    .field--error,
    .notice,
    .warning,
    .item--done {
      border-color: CanvasText;
    }
  }
`;
