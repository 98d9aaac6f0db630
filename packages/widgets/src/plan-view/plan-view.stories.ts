import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { samplePlan } from '../plan/samples.js';
import { createShareLink } from '../plan/share-crypto.js';
import './define.js';
import type { HubPlanView } from './plan-view.js';

const meta: Meta<HubPlanView> = {
  title: 'Widgets/Plan view',
  component: 'hub-plan-view',
  loaders: [async () => ({ link: await createShareLink(samplePlan(), 'https://example-town.example.org/plan/view/') })],
  render: (_args, { loaded }) => html`<hub-plan-view .link=${loaded.link as string}></hub-plan-view>`,
};
export default meta;
type Story = StoryObj<HubPlanView>;

export const SharedLink: Story = {};
export const OwnPlan: Story = { render: () => html`<hub-plan-view .plan=${samplePlan()}></hub-plan-view>` };
export const TamperedLink: Story = {
  render: (_args, { loaded }) => {
    const link = loaded.link as string;
    const at = link.indexOf('#plan=') + 20;
    return html`<hub-plan-view .link=${`${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`}></hub-plan-view>`;
  },
};
export const CutOffLink: Story = { render: () => html`<hub-plan-view link="https://example.org/view#plan=abc"></hub-plan-view>` };
export const NoPlanInLink: Story = { render: () => html`<hub-plan-view link="https://example.org/view"></hub-plan-view>` };
