export { ConfigError, handlerOptions, openStore, readConfig, type ShareConfig } from './config.ts';
export {
  createShareHandler,
  DEFAULT_BASE_PATH,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PURGE_INTERVAL_MS,
  DEFAULT_TTL_MS,
  type ShareAction,
  type ShareErrorBody,
  type ShareHandler,
  type ShareHandlerOptions,
  type ShareLogEntry,
  type ShareRequestInfo,
} from './handler.ts';
export { DEFAULT_RATE_LIMITS, type RateLimits, type RateRule } from './rate-limit.ts';
export { DEFAULT_SQLITE_FILE, SqliteShareStore, type SqliteStoreOptions } from './sqlite-store.ts';
export type { NewShare, Replacement, ReplaceOutcome, RevokeOutcome, ShareLookup, ShareStore, StoredShare } from './store.ts';
