import { css } from 'lit';

/** Styles of the filters' controls and the relax offers, adopted by the finder when they load. */
export const panelStyles = css`
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
  .check,
  .inline {
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
  .age {
    width: 6em;
  }
  .postcode {
    width: 8em;
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
