/**
 * On-demand services under /api/. Each is a framework-free handler `(request, info) => Promise<Response>` mounted by
 * name: a request to /api/<name> or /api/<name>/… goes to API_ROUTES[<name>] with the original Request.
 */
import { createShareHandler, handlerOptions, openStore, readConfig, type ShareHandler } from '@townhub/share-service';

export type ApiHandler = (request: Request, info: { clientAddress: string }) => Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

let shares: Promise<ShareHandler> | undefined;
/** The share service, opened on first use (the database file is created then). */
function shareHandler(): Promise<ShareHandler> {
  shares ??= (async () => {
    const config = readConfig(process.env);
    return createShareHandler({ store: await openStore(config.store), ...handlerOptions(config) });
  })();
  return shares;
}

export const API_ROUTES: Record<string, ApiHandler> = {
  /** Liveness check for hosts and tests. */
  health: async () => json({ ok: true }),
  /** End-to-end encrypted plan sharing (see packages/share-service). */
  shares: async (request, info) => (await shareHandler())(request, info),
};

/** Routes a request under /api/ to its service, or answers 404 in JSON. */
export async function dispatchApi(request: Request, info: { clientAddress: string }): Promise<Response> {
  const name = new URL(request.url).pathname.split('/')[2] ?? '';
  const handler = Object.hasOwn(API_ROUTES, name) ? API_ROUTES[name] : undefined;
  if (!handler) return json({ error: 'not-found', message: `There is no API called "${name}".` }, 404);
  return handler(request, info);
}
