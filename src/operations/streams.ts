// The ports of the two long-lived streams an operator opens: a service's or a task's logs, and a
// shell in a task's container. Their Docker adapters are src/docker/logStream.ts and
// src/docker/execShell.ts; the views (a log document, a terminal) sit on top in src/ui.

export interface LogRequest {
  readonly target: { readonly kind: 'service' | 'task'; readonly id: string };
  readonly follow: boolean;
  /** Lines per task from the end of what the Engine has, or all of them. */
  readonly tail: number | 'all';
}

export interface LogHandlers {
  onData(chunk: Uint8Array): void;
  /** The stream ended (the Engine closed it, `follow` was off) or failed (then `error` says why). */
  onEnd(error?: Error): void;
}

export interface OpenStream {
  /** Stop reading; `onEnd` is not called after `close`. */
  close(): void;
}

export interface LogStreams {
  /** Resolves once the Engine has answered (a bad id fails here, with the Engine's message). */
  openLogs(request: LogRequest, handlers: LogHandlers, signal?: AbortSignal): Promise<OpenStream>;
}

export interface ShellHandlers {
  onData(chunk: Uint8Array): void;
  /** The shell exited (with its exit code, when the Engine reports it) or the connection broke. */
  onExit(exitCode: number | undefined, error?: Error): void;
}

export interface ShellSession {
  write(data: string): void;
  resize(columns: number, rows: number): Promise<void>;
  /** Ends the connection (the shell gets a hang-up). */
  close(): void;
}

export interface ShellStreams {
  /** `docker exec -it <container> <command>`: resolves once the shell is attached. */
  openShell(containerId: string, command: readonly string[], size: { readonly columns: number; readonly rows: number },
    handlers: ShellHandlers, signal?: AbortSignal): Promise<ShellSession>;
}
