declare const __HUB_VERSION__: string | undefined;

/** The package version, injected by the build; `dev` when running from source. */
export const VERSION: string = typeof __HUB_VERSION__ === 'string' ? __HUB_VERSION__ : 'dev';
