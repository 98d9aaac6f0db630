/**
 * The routes whose pages may mark their content for search (Base's `search`). The build renders them before the
 * others, so that Pagefind writes its index while the rest render; Base fails the build for a page marked for search
 * on any other route.
 */
export const SEARCH_ROUTES: ReadonlySet<string> = new Set(['/assets/[id]', '/categories/[id]/[...page]']);
