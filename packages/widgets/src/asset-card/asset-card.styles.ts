import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-inline-start-width: 5px;
    border-radius: var(--_radius);
  }
  :host([selected]) .card {
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
  .name,
  .summary {
    overflow-wrap: anywhere;
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
  li,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  li {
    gap: 0.3em;
  }
  .access svg {
    flex: none;
    width: 1em;
    height: 1em;
    color: var(--_success);
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
