import { css } from 'lit';

export const styles = css`
  .title {
    margin: 0 0 var(--_space);
    font-size: 1.5em;
    font-weight: 700;
  }
  .meta {
    margin: 0 0 var(--_space);
    color: var(--_text-secondary);
  }
  .notice {
    margin: calc(var(--_space) * 2) 0;
    padding: calc(var(--_space) * 2);
    border-inline-start: 5px solid var(--_primary);
    background: var(--_surface-alt);
  }
  .error {
    padding: calc(var(--_space) * 2);
    border: 5px solid var(--_error);
  }
  .error-title {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
    font-weight: 700;
  }
  .error p {
    margin: 0;
  }
  @media (forced-colors: active) {
    .notice,
    .error {
      border-color: CanvasText;
    }
  }
`;
