/**
 * The validated data of the one hub being built. The build script loads and validates it once through
 * `@townhub/schema` and hands it over here; pages and endpoints read it with `siteData()`.
 */
import type { Asset, Category, Hub } from '@townhub/schema';

export interface SiteAsset {
  asset: Asset;
  /** The asset's YAML file relative to the data root, with forward slashes (for "Suggest an edit"). */
  file: string;
}

export interface SiteData {
  hub: Hub;
  /** The shared taxonomy, in display order. */
  categories: Category[];
  /** Assets sorted by name. */
  assets: SiteAsset[];
  /** The build's "today" as YYYY-MM-DD (what's on and the iCal feed start here). */
  today: string;
  /** Folder of the data root inside the repository, for edit links (default `hub-data`). */
  repositoryDataPath: string;
}

const KEY = Symbol.for('townhub.site-data');
type Holder = { [KEY]?: SiteData };

/** Makes a hub's data available to the pages of the build running in this process. */
export function provideSiteData(data: SiteData): void {
  (globalThis as Holder)[KEY] = data;
}

/** The hub being built. Throws when the site is built without data (use `pnpm build`, which provides it). */
export function siteData(): SiteData {
  const data = (globalThis as Holder)[KEY];
  if (!data) throw new Error('No hub data was provided: build hub sites with `pnpm build` (sites/hub/scripts/build.ts).');
  return data;
}
