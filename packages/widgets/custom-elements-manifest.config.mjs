// Custom Elements Manifest: read from the JSDoc of the widget classes. Used by `pnpm build` and by Storybook.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
};
