import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleDecoded } from '../test/fixtures.js';
import './define.js';
import type { HubAssetCard } from './asset-card.js';

const assets = sampleDecoded().assets;
const byId = (id: string) => assets.find((a) => a.id === id);

const meta: Meta<HubAssetCard> = {
  title: 'Widgets/Asset card',
  component: 'hub-asset-card',
  args: { baseUrl: 'https://test-town.example.org/', selected: false, hidePlan: false },
  render: (args) =>
    html`<hub-asset-card style="max-width: 40rem" .asset=${args.asset ?? byId('walking-group')} base-url=${args.baseUrl} ?selected=${args.selected} ?hide-plan=${args.hidePlan}></hub-asset-card>`,
};
export default meta;
type Story = StoryObj<HubAssetCard>;

export const Default: Story = {};
export const Paid: Story = { args: { asset: byId('art-club') } };
export const ByAppointmentAreaWide: Story = { args: { asset: byId('debt-advice') } };
export const Selected: Story = { args: { selected: true } };
export const WithDistance: Story = {
  render: (args) => html`<hub-asset-card style="max-width: 40rem" .asset=${byId('lunch-club')} distance="1.4" base-url=${args.baseUrl}></hub-asset-card>`,
};
export const DarkTheme: Story = {
  render: () =>
    html`<div style="background:#0b0c0c;padding:1rem"><hub-asset-card theme="dark" .asset=${byId('walking-group')} base-url="https://test-town.example.org/"></hub-asset-card></div>`,
};
export const RightToLeft: Story = {
  render: () => html`<div dir="rtl"><hub-asset-card .asset=${byId('walking-group')}></hub-asset-card></div>`,
};
