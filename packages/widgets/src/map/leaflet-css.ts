/** Leaflet's stylesheet as text, to adopt inside the shadow root. */
import css from 'leaflet/dist/leaflet.css?inline';

export const leafletCss: string = css;
