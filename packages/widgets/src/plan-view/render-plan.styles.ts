import { css } from 'lit';

/** Styles of the read-only plan (see render-plan.ts), on screen and on paper. */
export const planStyles = css`
  .section-heading {
    margin: calc(var(--_space) * 4) 0 var(--_space);
    font-size: 1.25em;
    font-weight: 700;
  }
  .ro-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .ro-list > li {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
    break-inside: avoid;
  }
  .ro-main {
    margin: 0;
    font-weight: 600;
  }
  .ro-meta {
    margin: 0;
    color: var(--_text-secondary);
  }
  .ro-facts {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .ro-facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .ro-facts dt {
    color: var(--_text-secondary);
  }
  .ro-facts dt::after {
    content: ':';
  }
  .ro-facts dd {
    margin: 0;
  }
  .ro-notes {
    white-space: pre-line;
  }
  .ro-inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    list-style: none;
    color: var(--_text-secondary);
  }
  .tag {
    padding: 0 0.4em;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  a {
    color: var(--_link);
  }
  @media print {
    .ro-meta,
    .ro-inline,
    .ro-facts dt {
      color: #000;
    }
    a {
      color: #000;
    }
  }
`;
