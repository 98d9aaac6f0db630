import { define } from '../internal/define.js';
import { HubPlanView } from './plan-view.js';

define('hub-plan-view', HubPlanView);

declare global {
  interface HTMLElementTagNameMap {
    'hub-plan-view': HubPlanView;
  }
}
