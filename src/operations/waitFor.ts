// Actions observe their result through the store, not by polling the Engine themselves: the tree,
// the status bar and the progress notification then show the same truth at the same time. A wait
// re-evaluates its condition on every change batch and connection change of the store (and on a
// tick, for countdowns), ends on success, cancellation or its deadline, and disposes what it held.
import type { Disposable } from '../domain/emitter';
import type { Kind } from '../domain/model';
import type { ClusterView } from '../store/types';
import { Cancelled, type OperationError } from './operation';

export interface WaitOptions<T> {
  /** A result when done, undefined while not; called again after every change. */
  readonly check: () => T | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** Why it is not done, when the deadline passes (what is still there, and why). */
  readonly timedOut: () => OperationError;
  /** Also check every `tickMs` (a countdown to show). */
  readonly tickMs?: number;
  /** Have the store re-list tasks at its fast period meanwhile (task moves raise no events)… */
  readonly tasks?: boolean;
  /** …and these kinds too (a promoted node's manager status raises no event either). */
  readonly watch?: readonly Exclude<Kind, 'task'>[];
  /** Steps already done, for the Cancelled error. */
  readonly steps?: readonly string[];
}

export function waitForView<T>(view: ClusterView, options: WaitOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const held: Disposable[] = [];
    let done = false;
    const finish = (end: () => void): void => {
      if (done) return;
      done = true;
      for (const d of held) d.dispose();
      end();
    };
    const evaluate = (): void => {
      if (done) return;
      let result: T | undefined;
      try {
        result = options.check();
      } catch (e) {
        finish(() => reject(e));
        return;
      }
      if (result !== undefined) finish(() => resolve(result));
    };
    const onAbort = (): void => finish(() => reject(new Cancelled(options.steps)));
    if (options.signal.aborted) { onAbort(); return; }
    options.signal.addEventListener('abort', onAbort, { once: true });
    held.push({ dispose: () => options.signal.removeEventListener('abort', onAbort) });
    const deadline = setTimeout(() => finish(() => reject(options.timedOut())), options.timeoutMs);
    held.push({ dispose: () => clearTimeout(deadline) });
    if (options.tickMs !== undefined) {
      const tick = setInterval(evaluate, options.tickMs);
      held.push({ dispose: () => clearInterval(tick) });
    }
    if (options.tasks || options.watch) held.push(view.watch(options.watch));
    held.push(view.onDidChange(evaluate), view.onDidChangeConnection(evaluate));
    evaluate();
  });
}
