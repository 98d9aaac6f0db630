import { define } from '../internal/define.js';
import { HubProgressChart } from './progress-chart.js';

define('hub-progress-chart', HubProgressChart);

declare global {
  interface HTMLElementTagNameMap {
    'hub-progress-chart': HubProgressChart;
  }
}
