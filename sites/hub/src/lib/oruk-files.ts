/**
 * Writes a hub's read-only Open Referral UK API as static JSON files (paths documented on `orukApiFiles`). For a
 * large hub the build runs it in a worker thread while the pages render, so it adds no time of its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Asset, Category, Hub } from '@townhub/schema';
import { orukApiFiles } from '@townhub/schema/oruk';

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

// As a worker thread: write the files for the job it was given, then exit (an error ends the worker with it).
if (parentPort && (workerData as { oruk?: OrukJob } | undefined)?.oruk) await writeOrukFiles((workerData as { oruk: OrukJob }).oruk);
