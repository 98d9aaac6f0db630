/** CSS imported as text (Vite, Storybook and our build inline it; the test runner serves it as a string). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
