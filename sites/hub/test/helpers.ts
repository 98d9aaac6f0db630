/** Shared helpers for the site tests: a fixture build, a static server with the real headers, and Chromium. */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const FIXTURE_DATA = fileURLToPath(new URL('./fixtures/data', import.meta.url));
export const TODAY = '2026-11-23';

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `townhub-${name}-`));
}

/** A writable copy of the fixture data root. */
export async function copyFixture(): Promise<string> {
  const dir = await tempDir('data');
  await cp(FIXTURE_DATA, dir, { recursive: true });
  return dir;
}

export const read = (path: string) => readFile(path, 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
