import { define } from '../internal/define.js';
import { HubMap } from './map.js';

define('hub-map', HubMap);

declare global {
  interface HTMLElementTagNameMap {
    'hub-map': HubMap;
  }
}
