/**
 * Load test of the standalone share server on loopback, for each store:
 * 2,000 POSTs (which also make the shares to update), 10,000 GETs and 2,000 PUTs (one per share, each with its
 * current ETag), all at 200 connections. Prints a table and writes bench/out/share.json at the repository root.
 *
 * Run: pnpm --filter @townhub/share-service bench   (or `pnpm exec node packages/share-service/bench/share.bench.ts`)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { type PgCluster, startPgCluster } from '../test/pg-server.ts';

const CONNECTIONS = 200;
const GETS = 10_000;
const PUTS = 2_000;
const BLOB_BYTES = 8 * 1024; // an encrypted wellness plan with a few steps and notes
const SERVER_SCRIPT = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const OUT_FILE = resolve(import.meta.dirname, '../../../bench/out/share.json');

interface Row {
  store: string;
  run: string;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  serverPeakRssMb: number;
}

/** Samples the server's resident memory every 20 ms and keeps the peak. */
function rssSampler(pid: number): { peakMb(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // The process is gone; keep the peak seen so far.
    }
  };
  sample();
  const timer = setInterval(sample, 20);
  return {
    peakMb: () => {
      sample();
      return Math.round(peak * 10) / 10;
    },
    stop: () => clearInterval(timer),
  };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', SHARE_RATE_LIMIT: 'off', SHARE_LOG: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening: ${output}`)));
  });
  return { child, base };
}

function row(store: string, run: string, result: Result, peakMb: number): Row {
  return {
    store,
    run,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    serverPeakRssMb: peakMb,
  };
}

async function benchStore(store: string, env: Record<string, string>): Promise<Row[]> {
  const { child, base } = await startServer(env);
  const url = new URL(base);
  const path = url.pathname;
  const memory = rssSampler(child.pid!);
  const blob = Buffer.alloc(BLOB_BYTES);
  const rows: Row[] = [];
  try {
    // POST: creates the shares that the GET and PUT runs use.
    const shares: { id: string; ownerToken: string }[] = [];
    const created = await autocannon({
      url: url.origin,
      connections: CONNECTIONS,
      amount: PUTS,
      requests: [
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/octet-stream' },
          setupRequest: (request) => ({ ...request, body: randomised(blob) }),
          onResponse: (status, body) => {
            if (status === 201) shares.push(JSON.parse(body));
          },
        },
      ],
    });
    rows.push(row(store, `POST ×${PUTS}`, created, memory.peakMb()));

    let next = 0;
    const read = await autocannon({
      url: url.origin,
      connections: CONNECTIONS,
      amount: GETS,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${path}/${shares[next++ % shares.length]!.id}` }) }],
    });
    rows.push(row(store, `GET ×${GETS}`, read, memory.peakMb()));

    // Each share is updated once, from version 1: every PUT carries the ETag it would have just read.
    let cursor = 0;
    const updated = await autocannon({
      url: url.origin,
      connections: CONNECTIONS,
      amount: PUTS,
      requests: [
        {
          method: 'PUT',
          setupRequest: (request) => {
            const share = shares[cursor++ % shares.length]!;
            return {
              ...request,
              path: `${path}/${share.id}`,
              headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${share.ownerToken}`, 'if-match': '"1"' },
              body: randomised(blob),
            };
          },
        },
      ],
    });
    rows.push(row(store, `PUT ×${PUTS}`, updated, memory.peakMb()));
    if (shares.length !== PUTS) throw new Error(`only ${shares.length} of ${PUTS} creates succeeded`);
  } finally {
    memory.stop();
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
  return rows;
}

/** A body that differs per request (ciphertext never repeats), cheaply. */
function randomised(blob: Buffer): Buffer {
  const copy = Buffer.from(blob);
  copy.writeDoubleLE(Math.random(), 0);
  copy.writeDoubleLE(performance.now(), 8);
  return copy;
}

const sqliteDir = mkdtempSync('/tmp/share-bench-sqlite-');
let cluster: PgCluster | undefined;
const rows: Row[] = [];
try {
  rows.push(...(await benchStore('sqlite', { SHARE_STORE: 'sqlite', SHARE_DATA_DIR: join(sqliteDir, 'data') })));
  cluster = await startPgCluster({ durable: true });
  rows.push(...(await benchStore('postgres', { SHARE_STORE: 'postgres', DATABASE_URL: await cluster.createDatabase() })));
} finally {
  cluster?.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
}

console.table(
  rows.map((entry) => ({
    store: entry.store,
    run: entry.run,
    errors: entry.errors,
    'p50 ms': entry.p50Ms,
    'p99 ms': entry.p99Ms,
    'req/s': entry.requestsPerSecond,
    'server peak RSS MB': entry.serverPeakRssMb,
  })),
);
mkdirSync(resolve(OUT_FILE, '..'), { recursive: true });
writeFileSync(
  OUT_FILE,
  `${JSON.stringify(
    {
      benchmark: 'share-service',
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model,
      connections: CONNECTIONS,
      blobBytes: BLOB_BYTES,
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${OUT_FILE}`);
if (rows.some((entry) => entry.errors > 0)) process.exitCode = 1;
