/**
 * Keeps one plan per hub on the person's device (localStorage), and keeps open tabs and widgets in step.
 *
 * Every change is a function applied to the freshest stored copy (read → change → write, with a revision counter),
 * so two tabs editing the same plan never overwrite each other's changes. Other tabs hear about a save through the
 * `storage` event; other widgets on the same page through a BroadcastChannel. Stored data that cannot be read is
 * moved aside under its own key and reported, never silently discarded.
 */
import { migratePlan, PlanFormatError } from './migrate.js';
import { emptyPlan, type Plan } from './schema.js';

const KEY_PREFIX = 'townhub-plan:';

/** The storage key of a hub's plan. */
export const planKey = (hub: string) => `${KEY_PREFIX}${hub}`;

/** Stored data that could not be read and was moved aside. */
export interface SetAside {
  /** The key it now lives under. */
  key: string;
  /** Why it could not be read, in plain words. */
  reason: string;
}

/** Why saving failed, if it did. */
export type SaveProblem = 'unavailable' | 'full';

type Listener = (plan: Plan) => void;

/** Minimal Storage surface, so tests and other hosts can pass their own. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    const s = globalThis.localStorage;
    // Touching it can throw when storage is blocked.
    s.getItem(KEY_PREFIX);
    return s;
  } catch {
    return null;
  }
}

/** One hub's plan on this device. Create one per widget; call `close()` when the widget goes. */
export class PlanStore {
  readonly hub: string;
  readonly key: string;
  /** Set when the stored plan could not be read and was moved aside (see SetAside). */
  setAside: SetAside | undefined;
  /** Set when the last save failed; the plan then lives only in this page. */
  problem: SaveProblem | undefined;
  #storage: KeyValueStorage | null;
  #memory: Plan | undefined;
  #channel: BroadcastChannel | undefined;
  #listeners = new Set<Listener>();
  #onStorage = (e: StorageEvent) => {
    if (e.key === this.key) this.#notify();
  };

  /** `storage` defaults to localStorage; pass null to keep the plan in memory only. */
  constructor(hub: string, storage: KeyValueStorage | null = defaultStorage()) {
    this.hub = hub;
    this.key = planKey(hub);
    this.#storage = storage;
    if (!storage) this.problem = 'unavailable';
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.key);
      this.#channel.onmessage = () => this.#notify();
    }
    globalThis.addEventListener?.('storage', this.#onStorage);
  }

  /** Reads the plan (migrating older versions); unreadable data is moved aside and a fresh plan begins. */
  load(): Plan {
    // Without storage, or after a failed save, the freshest copy is the one in memory.
    if (!this.#storage || this.problem === 'full') {
      this.#memory ??= emptyPlan(this.hub);
      return this.#memory;
    }
    const raw = this.#storage.getItem(this.key);
    if (raw === null) return emptyPlan(this.hub);
    try {
      return migratePlan(JSON.parse(raw));
    } catch (error) {
      this.#moveAside(raw, error);
      return emptyPlan(this.hub);
    }
  }

  /**
   * Applies `change` to the freshest stored plan and saves it with the next revision number. Returns the saved plan.
   * The change may mutate the plan it is given.
   */
  update(change: (plan: Plan) => void): Plan {
    const plan = structuredClone(this.load());
    change(plan);
    plan.revision += 1;
    plan.updated = new Date().toISOString();
    this.#write(plan);
    return plan;
  }

  /** Replaces the whole plan (after an import), keeping the revision counter moving forward. */
  replace(next: Plan): Plan {
    return this.update((plan) => {
      const revision = plan.revision;
      Object.assign(plan, structuredClone(next), { hub: this.hub, revision });
    });
  }

  /** Calls `listener` with the fresh plan whenever another tab or widget saves. Returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
    globalThis.removeEventListener?.('storage', this.#onStorage);
    this.#listeners.clear();
  }

  #write(plan: Plan): void {
    if (!this.#storage) {
      this.#memory = plan;
      return;
    }
    try {
      this.#storage.setItem(this.key, JSON.stringify(plan));
      this.problem = undefined;
    } catch {
      this.problem = 'full';
      this.#memory = plan;
      return;
    }
    this.#channel?.postMessage(plan.revision);
  }

  #moveAside(raw: string, error: unknown): void {
    const key = `${this.key}:unreadable:${new Date().toISOString()}`;
    const reason =
      error instanceof PlanFormatError
        ? error.message
        : error instanceof SyntaxError
          ? 'The saved plan is not valid JSON.'
          : 'The saved plan could not be read.';
    try {
      this.#storage?.setItem(key, raw);
      this.#storage?.removeItem(this.key);
      this.setAside = { key, reason };
    } catch {
      // No room to copy it: leave it where it is, untouched, and keep working in memory.
      this.#storage = null;
      this.problem = 'unavailable';
      this.setAside = { key: this.key, reason };
    }
  }

  /** The raw text of data moved aside, so the person can download it. */
  setAsideText(): string | null {
    return this.setAside ? ((this.#storage ?? defaultStorage())?.getItem(this.setAside.key) ?? null) : null;
  }

  #notify(): void {
    if (this.#listeners.size === 0) return;
    const plan = this.load();
    for (const listener of this.#listeners) listener(plan);
  }
}
