import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

// Regenerate the widgets' Custom Elements Manifest first, so controls and API tables always match the JSDoc.
execFileSync('pnpm', ['exec', 'cem', 'analyze', '--quiet'], { cwd: fileURLToPath(new URL('../packages/widgets/', import.meta.url)), stdio: 'inherit' });

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/widgets/src/**/*.stories.ts'],
  core: { disableTelemetry: true },
};

export default config;
