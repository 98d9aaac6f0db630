import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { decodeFeed } from '@townhub/schema/feed';
import { html } from 'lit';
import { sampleFeed } from '../plan/sample-feed.js';
import { samplePlan } from '../plan/samples.js';
import { planKey } from '../plan/storage.js';
import './define.js';
import type { HubPlanBuilder } from './plan-builder.js';

const feed = decodeFeed(sampleFeed);

/** Puts `value` in the story's own storage slot before the widget reads it. */
const seeded = (hub: string, value: string | null) => {
  if (value === null) localStorage.removeItem(planKey(hub));
  else localStorage.setItem(planKey(hub), value);
  return hub;
};

const meta: Meta<HubPlanBuilder> = {
  title: 'Widgets/Plan builder',
  component: 'hub-plan-builder',
  render: () => html`<hub-plan-builder hub=${seeded('story-filled', JSON.stringify(samplePlan('story-filled')))} .feed=${feed}></hub-plan-builder>`,
};
export default meta;
type Story = StoryObj<HubPlanBuilder>;

export const Filled: Story = {};
export const Empty: Story = { render: () => html`<hub-plan-builder hub=${seeded('story-empty', null)} .feed=${feed}></hub-plan-builder>` };
export const WithoutFeed: Story = {
  render: () => html`<hub-plan-builder hub=${seeded('story-no-feed', JSON.stringify(samplePlan('story-no-feed')))}></hub-plan-builder>`,
};
export const UnreadableSavedPlan: Story = {
  render: () => html`<hub-plan-builder hub=${seeded('story-corrupt', '{"format":"townhub-plan","version":2,"goals":[')} .feed=${feed}></hub-plan-builder>`,
};
export const EmptyGoalError: Story = {
  render: () => html`<hub-plan-builder hub=${seeded('story-error', null)} .feed=${feed}></hub-plan-builder>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hub-plan-builder')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('form.add')!.requestSubmit();
  },
};
export const ShareLink: Story = {
  render: () => html`<hub-plan-builder hub=${seeded('story-share', JSON.stringify(samplePlan('story-share')))} .feed=${feed}></hub-plan-builder>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hub-plan-builder')!;
    await el.updateComplete;
    await el.createShareLink();
  },
};
export const DarkTheme: Story = {
  render: () =>
    html`<div style="background:#0b0c0c;padding:1rem"><hub-plan-builder theme="dark" hub=${seeded('story-dark', JSON.stringify(samplePlan('story-dark')))} .feed=${feed}></hub-plan-builder></div>`,
};
