import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .map {
    position: relative;
    height: var(--hub-map-height, 28rem);
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    z-index: 0;
  }
  .list-link {
    color: var(--_link);
    justify-self: start;
  }
  p {
    margin: 0;
  }
  .hint {
    color: var(--_text-secondary);
    font-size: 0.875em;
  }
  .panel {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .panel hub-asset-card {
    justify-self: stretch;
  }
  /*
   * Markers: our own elements, so text from data is set as text. Placed by a 2D transform (Leaflet's CSS puts them at
   * the pane's origin): moving one then needs neither layout nor repaint, only a new transform.
   */
  .hub-marker,
  .hub-cluster {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    /* Each target lays out on its own: a zoom step changes hundreds of them. */
    contain: strict;
    border: 2px solid var(--_surface);
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_on-primary);
    font: 700 0.8rem/1 var(--_font, sans-serif);
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.6);
    cursor: pointer;
  }
  .hub-marker.selected {
    background: var(--_focus);
    border-color: var(--_focus-text);
  }
  .hub-marker:focus-visible,
  .hub-cluster:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: 0 0 0 6px var(--_focus-text);
  }
  .leaflet-container {
    font: inherit;
  }
  /* WCAG 1.4.1: links inside the attribution text must not rely on colour alone. */
  .leaflet-control-attribution a {
    text-decoration: underline;
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
  }
  .leaflet-container a {
    color: var(--_link);
  }
`;
