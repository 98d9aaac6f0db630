/**
 * Writes a hub's read-only Open Referral UK API as static JSON files (paths documented on `orukApiFiles`), while the
 * pages render; for a large hub in a worker thread.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Asset, Category, Hub } from '@townhub/schema';
import { orukApiFiles } from '@townhub/schema/oruk';
import type { SiteData } from './site-data.ts';

export interface OrukJob {
  /** The site folder the files go in. */
  out: string;
  hub: Hub;
  categories: Category[];
  assets: Asset[];
}

/**
 * Writes the files a few at a time; each document becomes JSON only when it is written, to keep memory low. Once
 * `signal` aborts (the build failed), no more files are started.
 */
export async function writeOrukFiles({ out, hub, categories, assets }: OrukJob, signal?: AbortSignal): Promise<void> {
  const files = [...orukApiFiles(hub, categories, assets)];
  const folders = new Map<string, Promise<unknown>>();
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < files.length && !signal?.aborted; i = next++) {
      const [path, document] = files[i]!;
      const file = join(out, path);
      const folder = dirname(file);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      await writeFile(file, JSON.stringify(document));
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
}

/** API files being written: `done` resolves when all are written; `stop` resolves once no more will be. */
export interface OrukWriting {
  done: Promise<void>;
  stop(): Promise<unknown>;
}

/** Hubs with fewer assets have their API files written in this thread: a worker costs about 0.2 s of CPU to start. */
const WORKER_FROM = 2000;

/** Starts writing a hub's API files into the site folder `out`, in a worker thread for a large hub. */
export function startOrukFiles(out: string, { hub, categories, assets }: SiteData): OrukWriting {
  const job: OrukJob = { out, hub, categories, assets: assets.map((a) => a.asset) };
  if (job.assets.length >= WORKER_FROM) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { oruk: job } });
    const done = new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Writing the ORUK API files stopped (exit code ${code}).`))));
    });
    done.catch(() => {}); // awaited by whoever started it
    return { done, stop: () => worker.terminate() };
  }
  const stopping = new AbortController();
  const done = writeOrukFiles(job, stopping.signal);
  done.catch(() => {}); // awaited by whoever started it
  return {
    done,
    stop: () => {
      stopping.abort();
      return done.catch(() => {});
    },
  };
}

// As a worker thread: write the files for the job it was given, then exit (an error ends the worker with it). The
// files are needed only when the build ends, so this thread runs at the lowest priority and takes the CPU that
// rendering the pages leaves (a 10,000-asset hub builds about a second faster).
if (parentPort && (workerData as { oruk?: OrukJob } | undefined)?.oruk) {
  // Only on Linux does this lower the priority of this thread alone (elsewhere it would be the whole process).
  if (process.platform === 'linux') {
    try {
      setPriority(0, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: the files are written at the usual priority.
    }
  }
  await writeOrukFiles((workerData as { oruk: OrukJob }).oruk);
}
