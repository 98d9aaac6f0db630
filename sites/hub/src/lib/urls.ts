/** Links inside a hub site and to the outside world. */

import type { Hub } from '@townhub/schema';
import { assetPath } from '@townhub/schema/feed';

/** The hub's base path as built, always ending in "/". */
export function basePath(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** A path inside the hub ("find/", "assets/x/") as a root-relative link. */
export function href(path = ''): string {
  return `${basePath()}${path.replace(/^\//, '')}`;
}

export const assetHref = (id: string) => href(assetPath(id));
export const categoryPath = (id: string) => `categories/${id}/`;
export const categoryHref = (id: string) => href(categoryPath(id));

/** The public address of a page, from the hub's siteUrl (used in the sitemap, canonical links and JSON-LD). */
export function publicUrl(hub: Hub, path = ''): string {
  const site = hub.siteUrl.endsWith('/') ? hub.siteUrl : `${hub.siteUrl}/`;
  return new URL(path.replace(/^\//, ''), site).href;
}

/** "Suggest an edit": the asset's YAML file in the repository's web editor. */
export function editUrl(hub: Hub, dataPath: string, file: string): string {
  const repo = hub.repository.url.replace(/\/+$/, '');
  return `${repo}/edit/${hub.repository.branch}/${[dataPath, file].filter(Boolean).join('/')}`;
}

/** A link to the place on OpenStreetMap, for people without the map widget. */
export function osmUrl(lat: number, lng: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}
