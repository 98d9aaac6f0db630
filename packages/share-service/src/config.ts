import { resolve } from 'node:path';
import { DEFAULT_BASE_PATH, DEFAULT_MAX_BODY_BYTES, DEFAULT_TTL_MS, type ShareHandlerOptions } from './handler.ts';
import { SqliteShareStore } from './sqlite-store.ts';
import type { ShareStore } from './store.ts';

/** Share service settings, usually read from the environment by {@link readConfig}. */
export interface ShareConfig {
  host: string;
  port: number;
  store: { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; connectionString: string };
  basePath: string;
  allowedOrigins: string[];
  maxBodyBytes: number;
  ttlMs: number;
  rateLimit: boolean;
  log: boolean;
}

/** A setting that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the service settings from environment variables:
 * `PORT` (8787), `HOST` (127.0.0.1), `SHARE_STORE` (`sqlite` | `postgres`), `SHARE_DATA_DIR` (`./data/shares`),
 * `DATABASE_URL` (for postgres), `SHARE_ALLOWED_ORIGINS` (comma-separated), `SHARE_BASE_PATH` (`/api/shares`),
 * `SHARE_MAX_BYTES` (262144), `SHARE_TTL_DAYS` (90), `SHARE_RATE_LIMIT` (`on` | `off`), `SHARE_LOG` (`on` | `off`).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ShareConfig {
  const kind = env.SHARE_STORE?.trim() || 'sqlite';
  let store: ShareConfig['store'];
  if (kind === 'sqlite') {
    store = { kind, dataDir: resolve(cwd, env.SHARE_DATA_DIR?.trim() || 'data/shares') };
  } else if (kind === 'postgres') {
    const connectionString = env.DATABASE_URL?.trim();
    if (!connectionString) throw new ConfigError('SHARE_STORE=postgres needs DATABASE_URL (e.g. postgres://user@host:5432/db).');
    store = { kind, connectionString };
  } else {
    throw new ConfigError(`SHARE_STORE must be "sqlite" or "postgres", not "${kind}".`);
  }
  const allowedOrigins = (env.SHARE_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) {
      throw new ConfigError(`SHARE_ALLOWED_ORIGINS has "${origin}", which is not an http(s) origin such as https://council.example.`);
    }
  }
  const basePath = env.SHARE_BASE_PATH?.trim() || DEFAULT_BASE_PATH;
  if (!basePath.startsWith('/')) throw new ConfigError(`SHARE_BASE_PATH must start with "/", not "${basePath}".`);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 8787, 0, 65535),
    store,
    basePath,
    allowedOrigins,
    maxBodyBytes: integer(env, 'SHARE_MAX_BYTES', DEFAULT_MAX_BODY_BYTES, 1, 64 * 1024 * 1024),
    ttlMs: integer(env, 'SHARE_TTL_DAYS', DEFAULT_TTL_MS / 86_400_000, 1, 3650) * 86_400_000,
    rateLimit: flag(env, 'SHARE_RATE_LIMIT'),
    log: flag(env, 'SHARE_LOG'),
  };
}

/** Opens the configured store (the PostgreSQL adapter is only loaded when chosen). */
export async function openStore(store: ShareConfig['store'], now?: () => number): Promise<ShareStore> {
  if (store.kind === 'sqlite') return SqliteShareStore.open({ dataDir: store.dataDir, now });
  const { PostgresShareStore } = await import('./postgres-store.ts');
  return PostgresShareStore.open({ connectionString: store.connectionString, now });
}

/** The handler options that follow from a config (the store and logger are added by the caller). */
export function handlerOptions(config: ShareConfig): Omit<ShareHandlerOptions, 'store'> {
  return {
    basePath: config.basePath,
    allowedOrigins: config.allowedOrigins,
    maxBodyBytes: config.maxBodyBytes,
    ttlMs: config.ttlMs,
    rateLimits: config.rateLimit ? undefined : false,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'on' || raw === '1' || raw === 'true') return true;
  if (raw === 'off' || raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name} must be "on" or "off", not "${raw}".`);
}
