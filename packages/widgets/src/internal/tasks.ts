/** Gives the main thread back to the browser (input, rendering) between slices of long work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves in a background-priority task (after input, rendering and timers) where the browser has them. */
export function inBackground(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: object) => Promise<void> } }).scheduler;
  return scheduler?.postTask?.(() => {}, { priority: 'background' }) ?? yieldToMain();
}

/**
 * A budget for long work done in slices: `if (slices.due) await slices.next()` between small steps yields once the
 * current slice has run `sliceMs`, and rejects with the signal's reason when aborted.
 */
export class Slices {
  private until: number;
  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = 8,
    private readonly pause: () => Promise<void> = yieldToMain,
  ) {
    this.until = performance.now() + sliceMs;
  }

  get due(): boolean {
    return performance.now() >= this.until;
  }

  async next(): Promise<void> {
    await this.pause();
    this.signal?.throwIfAborted();
    this.until = performance.now() + this.sliceMs;
  }
}

/**
 * Positions of `keys` in key order (equal keys by position), sorted in slices: grouped by their first two characters,
 * groups taken in order and each sorted natively. Keys already in order (as a feed lists its assets) are only checked.
 */
export async function sortInSlices(keys: readonly string[], signal?: AbortSignal): Promise<number[]> {
  if (keys.every((key, i) => !i || (keys[i - 1] as string) <= key)) return [...keys.keys()];
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const start = key.slice(0, 2);
    const group = groups.get(start);
    if (group) group.push(i);
    else groups.set(start, [i]);
  });
  const slices = new Slices(signal);
  const order: number[] = [];
  for (const start of [...groups.keys()].sort()) {
    for (const i of (groups.get(start) as number[]).sort((a, b) =>
      (keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b,
    ))
      order.push(i);
    if (slices.due) await slices.next();
  }
  return order;
}
