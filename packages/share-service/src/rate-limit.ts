/** A budget of `limit` requests per `windowMs` for one client address. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** Per-address budgets for each kind of request. */
export interface RateLimits {
  /** GET, HEAD and OPTIONS. */
  read: RateRule;
  /** PUT and DELETE. */
  write: RateRule;
  /** POST (new shares use storage, so they get the tightest budget). */
  create: RateRule;
}

/** Generous for people (a supporter's view polling, a plan builder saving as it goes), tight enough to stop a flood. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  read: { limit: 600, windowMs: 60_000 },
  write: { limit: 120, windowMs: 60_000 },
  create: { limit: 30, windowMs: 60 * 60_000 },
};

// Bounds the memory an address-spraying client can make the limiter use; expired windows are dropped first.
const MAX_TRACKED = 100_000;

interface Window {
  count: number;
  resetAt: number;
}

/** Fixed-window counters per (kind, address). */
export class RateLimiter {
  readonly #limits: RateLimits;
  readonly #windows = new Map<string, Window>();

  constructor(limits: RateLimits) {
    this.#limits = limits;
  }

  /** Counts one request; returns 0 when allowed, otherwise the seconds until the address may try again. */
  take(kind: keyof RateLimits, address: string, now: number): number {
    const rule = this.#limits[kind];
    const key = `${kind} ${addressKey(address)}`;
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.#windows.size >= MAX_TRACKED) this.#sweep(now);
      window = { count: 0, resetAt: now + rule.windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count <= rule.limit ? 0 : Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
    // Still full: forget the oldest entries rather than grow without bound.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED) break;
      this.#windows.delete(key);
    }
  }
}

/**
 * The unit a limit applies to: an IPv4 address, or an IPv6 /64 (one household or device usually holds a whole /64,
 * so limiting single IPv6 addresses would be trivial to sidestep).
 */
export function addressKey(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!plain.includes(':')) return plain;
  const [head = '', tail = ''] = plain.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = plain.includes('::') && tail ? tail.split(':') : [];
  const missing = plain.includes('::') ? 8 - headParts.length - tailParts.length : 0;
  const groups = [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
