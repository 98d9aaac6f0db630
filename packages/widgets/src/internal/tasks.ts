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
 * Runs `step(i)` for i in [0, count) in slices of about `sliceMs`, yielding between slices, so no task is long.
 * Rejects with the signal's reason when aborted.
 */
export async function inSlices(count: number, step: (i: number) => void, signal?: AbortSignal, sliceMs = 8): Promise<void> {
  let i = 0;
  while (i < count) {
    signal?.throwIfAborted();
    const until = performance.now() + sliceMs;
    while (i < count) {
      step(i++);
      if ((i & 63) === 0 && performance.now() >= until) break;
    }
    if (i < count) await yieldToMain();
  }
}
