import { css } from 'lit';

export const styles = css`
  .scale {
    margin: 0 0 calc(var(--_space) * 4);
  }
  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
    font-weight: 700;
  }
  .summary,
  .note {
    margin: 0 0 var(--_space);
  }
  .note {
    color: var(--_text-secondary);
    font-size: 0.9em;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
    font: inherit;
    font-size: 13px;
  }
  .axis,
  .tick {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis-label,
  .band-label {
    fill: var(--_text);
  }
  .band-label {
    fill: var(--_text-secondary);
    font-size: 12px;
  }
  .band-alt {
    fill: var(--_surface-alt);
  }
  .band-edge {
    stroke: var(--_border);
    stroke-dasharray: 2 4;
  }
  .band {
    fill: var(--_text-secondary);
    fill-opacity: 0.12;
    stroke: var(--_text-secondary);
    stroke-dasharray: 4 3;
  }
  .line {
    fill: none;
    stroke: var(--_primary);
    stroke-width: 3;
    stroke-linejoin: round;
  }
  .point {
    fill: var(--_surface);
    stroke: var(--_primary);
    stroke-width: 3;
  }
  details {
    margin-block-start: var(--_space);
  }
  summary {
    color: var(--_link);
    cursor: pointer;
    text-decoration: underline;
  }
  table {
    border-collapse: collapse;
    margin-block-start: var(--_space);
  }
  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }
  @media (forced-colors: active) {
    .axis,
    .tick {
      stroke: CanvasText;
    }
    .axis-label,
    .band-label {
      fill: CanvasText;
    }
    .band-alt {
      fill: Canvas;
    }
    .band-edge {
      stroke: CanvasText;
    }
    .band {
      fill: none;
      stroke: CanvasText;
    }
    .line {
      stroke: Highlight;
    }
    .point {
      fill: Canvas;
      stroke: Highlight;
    }
  }
  @media print {
    details {
      display: none;
    }
  }
`;
