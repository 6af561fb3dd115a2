// A Scheduler that tests advance by hand: `advance(ms)` runs every job due by then in time order,
// with `now` at each job's time (jobs scheduled meanwhile run too when they fall in the window).
import type { Scheduler } from '../../src/domain/scheduler';

export class ManualClock implements Scheduler {
  now = 0;
  private jobs: { at: number; work: () => void; cancelled: boolean }[] = [];

  schedule(work: () => void, delayMs: number): { cancel(): void } {
    const job = { at: this.now + delayMs, work, cancelled: false };
    this.jobs.push(job);
    return { cancel: () => { job.cancelled = true; } };
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.jobs.filter((j) => !j.cancelled && j.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.now = next.at;
      next.cancelled = true;
      next.work();
    }
    this.jobs = this.jobs.filter((j) => !j.cancelled);
    this.now = until;
  }
}
