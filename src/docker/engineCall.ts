// Every request/response call to the Engine goes through `engineCall`: it gets a deadline, and a
// call past its deadline is aborted (the HTTP request is destroyed, not left hanging) and rejected
// with an EngineTimeout that names the call and the endpoint. Long-lived streams (events, logs) do
// not use it: they get a liveness check instead.

/** A call that did not answer in time; `code` makes the domain's classifier treat it as unreachable. */
export class EngineTimeout extends Error {
  override readonly name = 'EngineTimeout';
  readonly code = 'ETIMEDOUT';
  constructor(readonly call: string, readonly endpoint: string, readonly timeoutMs: number) {
    super(`${call} on ${endpoint} did not answer within ${formatSeconds(timeoutMs)}`);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export interface CallOptions {
  /** `GET /tasks`, `POST /services/{id}/update`: what the message names. */
  readonly call: string;
  readonly endpoint: string;
  readonly timeoutMs: number;
  /** A caller's own cancellation (e.g. the user pressed Cancel); aborts the request too. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `run(signal)` with a deadline. `run` must pass `signal` to dockerode (`abortSignal`), so that
 * the request is torn down when the deadline passes or the caller cancels.
 */
export async function engineCall<T>(options: CallOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const timeout = new EngineTimeout(options.call, options.endpoint, options.timeoutMs);
      controller.abort(timeout);
      reject(timeout);
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
