import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { largePlan, samplePlan } from '../plan/samples.js';
import './define.js';
import type { HubProgressChart } from './progress-chart.js';

const sample = samplePlan().assessments;
const swemwbs = [
  { measure: 'swemwbs', date: '2026-08-01', answers: [2, 3, 3, 2, 3, 3, 3] },
  { measure: 'swemwbs', date: '2026-09-01', answers: [3, 3, 3, 3, 3, 4, 4] },
  { measure: 'swemwbs', date: '2026-10-01', answers: [4, 4, 4, 4, 4, 4, 4] },
];

const meta: Meta<HubProgressChart> = {
  title: 'Widgets/Progress chart',
  component: 'hub-progress-chart',
  args: { measure: 'ons4' },
  argTypes: { measure: { control: 'select', options: ['ons4', 'ucla3', 'swemwbs'] } },
  render: (args) => html`<hub-progress-chart measure=${args.measure} .assessments=${args.measure === 'swemwbs' ? swemwbs : sample}></hub-progress-chart>`,
};
export default meta;
type Story = StoryObj<HubProgressChart>;

export const Ons4: Story = {};
export const Ucla3: Story = { args: { measure: 'ucla3' } };
export const SwemwbsWithMeaningfulChangeBand: Story = { args: { measure: 'swemwbs' } };
export const ManyResults: Story = { render: () => html`<hub-progress-chart measure="ucla3" .assessments=${largePlan().assessments}></hub-progress-chart>` };
export const OneResult: Story = { render: () => html`<hub-progress-chart measure="ucla3" .assessments=${sample.slice(0, 2)}></hub-progress-chart>` };
export const NoResults: Story = { render: () => html`<hub-progress-chart measure="ons4" .assessments=${[]}></hub-progress-chart>` };
export const Narrow320px: Story = {
  render: () => html`<div style="width:320px"><hub-progress-chart measure="ons4" .assessments=${sample}></hub-progress-chart></div>`,
};
export const ForcedColours: Story = {
  parameters: { docs: { description: { story: 'Check with DevTools › Rendering › Emulate forced-colors: active.' } } },
  render: () => html`<hub-progress-chart measure="ons4" .assessments=${sample}></hub-progress-chart>`,
};
