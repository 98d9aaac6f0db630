import { define } from '../internal/define.js';
import '../progress-chart/define.js';
import { HubSelfAssessment } from './self-assessment.js';

define('hub-self-assessment', HubSelfAssessment);

declare global {
  interface HTMLElementTagNameMap {
    'hub-self-assessment': HubSelfAssessment;
  }
}
