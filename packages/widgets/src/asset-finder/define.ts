import '../asset-card/define.js';
import { define } from '../internal/define.js';
import { HubAssetFinder } from './asset-finder.js';

define('hub-asset-finder', HubAssetFinder);

declare global {
  interface HTMLElementTagNameMap {
    'hub-asset-finder': HubAssetFinder;
  }
}
