/// <reference types="astro/client" />

/** A widget's define module, or an empty module when the widgets package does not provide it. */
declare module 'townhub:widget/*' {}

declare module '*?raw' {
  const text: string;
  export default text;
}
