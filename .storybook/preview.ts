import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/widgets/custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
