import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ShareHandler } from './handler.ts';

export interface NodeListenerOptions {
  /**
   * The client address used for rate limiting. Default: the socket's remote address. Behind a reverse proxy, pass a
   * function that reads the proxy's header (only if the proxy always sets it).
   */
  clientAddress?: (request: IncomingMessage) => string;
}

/** Adapts a fetch-style share handler to a `node:http` request listener. */
export function toNodeListener(handler: ShareHandler, options: NodeListenerOptions = {}): RequestListener {
  const clientAddressOf = options.clientAddress ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? '');
  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    respond(handler, incoming, outgoing, clientAddressOf(incoming)).catch(() => {
      // Only a broken connection gets here (the handler answers its own failures); there is nobody left to tell.
      if (!outgoing.headersSent) outgoing.writeHead(500).end();
      else outgoing.destroy();
    });
  };
}

async function respond(handler: ShareHandler, incoming: IncomingMessage, outgoing: ServerResponse, clientAddress: string): Promise<void> {
  const request = toRequest(incoming);
  const response = await handler(request, { clientAddress });
  const body = response.body === null ? null : new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== null) headers['content-length'] = String(body.byteLength);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
  // A refused upload (413, 401, …) may still be arriving. Discard the rest, as Node does for unread bodies, so the
  // client gets its answer and the connection stays usable; the web stream wrapper would otherwise hold it paused.
  if (!incoming.complete) {
    incoming.removeAllListeners('data');
    incoming.resume();
  }
}

function toRequest(incoming: IncomingMessage): Request {
  const host = incoming.headers.host ?? 'localhost';
  const scheme = (incoming.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  // Concatenate rather than resolve: a request target such as `//other.example/` must stay a path on this host.
  const target = incoming.url?.startsWith('/') ? incoming.url : `/${incoming.url ?? ''}`;
  let url: URL;
  try {
    url = new URL(`${scheme}://${host}${target}`);
  } catch {
    url = new URL(`${scheme}://localhost${target}`);
  }
  return new Request(url, {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null,
    duplex: 'half',
  } as RequestInit);
}
