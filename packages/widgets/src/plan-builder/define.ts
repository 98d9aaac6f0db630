import { define } from '../internal/define.js';
import { HubPlanBuilder } from './plan-builder.js';

define('hub-plan-builder', HubPlanBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'hub-plan-builder': HubPlanBuilder;
  }
}
