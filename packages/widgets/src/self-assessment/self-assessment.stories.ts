import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { samplePlan } from '../plan/samples.js';
import { planKey } from '../plan/storage.js';
import './define.js';
import type { HubSelfAssessment } from './self-assessment.js';

const fresh = (hub: string) => {
  localStorage.removeItem(planKey(hub));
  return hub;
};

const meta: Meta<HubSelfAssessment> = {
  title: 'Widgets/Self-assessment',
  component: 'hub-self-assessment',
  args: { measure: 'ons4' },
  argTypes: { measure: { control: 'select', options: ['ons4', 'ucla3', 'swemwbs'] } },
  render: (args) => html`<hub-self-assessment hub=${fresh(`story-sa-${args.measure}`)} measure=${args.measure}></hub-self-assessment>`,
};
export default meta;
type Story = StoryObj<HubSelfAssessment>;

export const Ons4: Story = {};
export const Ucla3: Story = { args: { measure: 'ucla3' } };
export const SwemwbsEnabled: Story = {
  render: () => html`<hub-self-assessment hub=${fresh('story-sa-swemwbs')} measure="swemwbs" enabled-measures="swemwbs"></hub-self-assessment>`,
};
export const SwemwbsNotEnabled: Story = { args: { measure: 'swemwbs' } };
export const Unanswered: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hub-self-assessment')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};
export const ResultsComparedWithLastTime: Story = {
  render: () => {
    const hub = 'story-sa-results';
    const plan = samplePlan(hub);
    plan.assessments = plan.assessments.filter((a) => a.date === '2026-10-01');
    localStorage.setItem(planKey(hub), JSON.stringify(plan));
    return html`<hub-self-assessment hub=${hub} measure="ons4" today="2026-11-01"></hub-self-assessment>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hub-self-assessment')!;
    await el.updateComplete;
    for (const [q, v] of [6, 6, 7, 4].entries()) el.shadowRoot!.querySelector<HTMLInputElement>(`#q${q}-${v}`)!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};
