// Timers behind an interface, so pure code that waits (debounces, batches) runs on a manual clock in tests.

export interface Scheduler {
  schedule(work: () => void, delayMs: number): { cancel(): void };
}

export const timerScheduler: Scheduler = {
  schedule(work, delayMs) {
    const handle = setTimeout(work, delayMs);
    return { cancel: () => clearTimeout(handle) };
  },
};
