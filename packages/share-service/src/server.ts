import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, handlerOptions, openStore, readConfig, type ShareConfig } from './config.ts';
import { createShareHandler } from './handler.ts';
import { toNodeListener } from './node.ts';
import type { ShareStore } from './store.ts';

/** A running standalone share server. */
export interface RunningShareServer {
  /** e.g. `http://127.0.0.1:8787` (without the base path). */
  origin: string;
  server: Server;
  store: ShareStore;
  /** Stops accepting connections, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
}

/** Starts the share service on its own `node:http` server. */
export async function startShareServer(config: ShareConfig): Promise<RunningShareServer> {
  const store = await openStore(config.store);
  const handler = createShareHandler({
    store,
    ...handlerOptions(config),
    log: config.log ? (entry) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`) : undefined,
  });
  const server = createServer(toNodeListener(handler));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    origin: `http://${host}:${port}`,
    server,
    store,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let config: ShareConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`share service: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startShareServer(config);
  const where = config.store.kind === 'sqlite' ? `sqlite in ${config.store.dataDir}` : 'postgres';
  // Tests and benchmarks read the port from this line (PORT=0 picks a free one).
  process.stdout.write(`share service listening on ${running.origin}${config.basePath} (${where})\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.main) await main();
