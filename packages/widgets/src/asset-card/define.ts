import { define } from '../internal/define.js';
import { HubAssetCard } from './asset-card.js';

define('hub-asset-card', HubAssetCard);

declare global {
  interface HTMLElementTagNameMap {
    'hub-asset-card': HubAssetCard;
  }
}
