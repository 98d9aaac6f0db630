/**
 * What the map needs once it is in view, in one chunk loaded on first sight of a map (or on a first selection):
 * Leaflet and its stylesheet, the clustering index, and the card shown for a selected place.
 */
import '../asset-card/define.js';
import * as L from 'leaflet';

export { groups, toPlaces } from './clusters.js';
export { leafletCss } from './leaflet-css.js';
export { L };
