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

/**
 * A budget for long work done in slices: `if (slices.due) await slices.next()` between small steps yields once the
 * current slice has run `sliceMs`, and rejects with the signal's reason when aborted.
 */
export class Slices {
  private until: number;
  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = 8,
  ) {
    this.until = performance.now() + sliceMs;
  }

  get due(): boolean {
    return performance.now() >= this.until;
  }

  async next(): Promise<void> {
    await yieldToMain();
    this.signal?.throwIfAborted();
    this.until = performance.now() + this.sliceMs;
  }
}

/**
 * Runs `step(i)` for i in [0, count) in slices of about `sliceMs`, yielding between slices, so no task is long.
 * Rejects with the signal's reason when aborted.
 */
export async function inSlices(count: number, step: (i: number) => void, signal?: AbortSignal, sliceMs = 8): Promise<void> {
  signal?.throwIfAborted();
  const slices = new Slices(signal, sliceMs);
  for (let i = 0; i < count; ) {
    step(i++);
    if ((i & 31) === 0 && i < count && slices.due) await slices.next();
  }
}

/** A stable sort in slices: runs sorted natively, then merged pairwise, yielding between steps. */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, signal?: AbortSignal): Promise<T[]> {
  const RUN = 1024;
  const slices = new Slices(signal);
  let from = items.slice();
  for (let start = 0; start < from.length; start += RUN) {
    const run = from.slice(start, start + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i] as T;
    if (slices.due) await slices.next();
  }
  let to = new Array<T>(from.length);
  for (let width = RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = compare(from[j] as T, from[i] as T) < 0 ? (from[j++] as T) : (from[i++] as T);
      while (i < mid) to[k++] = from[i++] as T;
      while (j < hi) to[k++] = from[j++] as T;
      if (slices.due) await slices.next();
    }
    [from, to] = [to, from];
  }
  return from;
}
