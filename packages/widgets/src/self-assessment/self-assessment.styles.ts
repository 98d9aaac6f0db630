import { css } from 'lit';

/** GOV.UK question patterns: fieldsets, large radios, error summary and inline errors. */
export const styles = css`
  .title {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.5em;
    font-weight: 700;
  }
  .instruction {
    margin: 0 0 calc(var(--_space) * 3);
  }
  .error-summary {
    margin-block-end: calc(var(--_space) * 4);
    padding: calc(var(--_space) * 2);
    border: 5px solid var(--_error);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary-title {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
    font-weight: 700;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .form-group {
    margin-block-end: calc(var(--_space) * 4);
  }
  .form-group--error {
    padding-inline-start: calc(var(--_space) * 2);
    border-inline-start: 5px solid var(--_error);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    margin-block-end: var(--_space);
    padding: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .hint {
    margin: 0 0 var(--_space);
    color: var(--_text-secondary);
  }
  .error-message {
    margin: 0 0 var(--_space);
    color: var(--_error);
    font-weight: 700;
  }
  .radios {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .radios--scale {
    flex-flow: row wrap;
  }
  .radio {
    position: relative;
    display: flex;
    align-items: center;
    min-block-size: 44px;
  }
  .radio input {
    inline-size: 32px;
    block-size: 32px;
    margin: 0;
    accent-color: var(--_text);
    cursor: pointer;
  }
  .radio label {
    padding: 0.4em 0.6em;
    cursor: pointer;
  }
  .radios--scale .radio {
    flex-direction: column;
    min-inline-size: 44px;
  }
  .radios--scale .radio label {
    padding: 0.1em 0.4em;
  }
  .radio input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 7px var(--_focus-text);
  }
  .licence {
    margin-block-start: calc(var(--_space) * 3);
    color: var(--_text-secondary);
    font-size: 0.875em;
  }
  .results:focus {
    outline: none;
  }
  .results h3,
  .results .scale-heading {
    margin: calc(var(--_space) * 3) 0 var(--_space);
    font-size: 1.25em;
    font-weight: 700;
  }
  .results p {
    margin: 0 0 var(--_space);
  }
  .panel {
    margin-block-end: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2);
    border-inline-start: 5px solid var(--_success);
    background: var(--_surface-alt);
  }
  .panel--warning {
    border-inline-start-color: var(--_error);
  }
  .actions {
    margin-block-start: calc(var(--_space) * 3);
  }
  @media (forced-colors: active) {
    .error-summary,
    .form-group--error {
      border-color: CanvasText;
    }
  }
`;
