/** Leaflet and its stylesheet (as text, to adopt inside the shadow root), in one chunk loaded on first sight of a map. */
import * as L from 'leaflet';
import css from 'leaflet/dist/leaflet.css?inline';

export const leafletCss: string = css;
export { L };
