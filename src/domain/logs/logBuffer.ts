// The text of one log view: at most `maxLines` of the newest lines of a stream, with a notice of how
// many older ones were dropped, rendered with or without timestamps, and re-rendered in batches.
// The editor compares each new text with the last line by line, so a change that only appends costs
// the new lines; dropping old lines changes the start, so they go a fifth of the cap at a time, not
// one by one. The cap bounds the text; a bigger text is re-rendered less often.
import type { Scheduler } from '../scheduler';
import type { LogStreamKind } from './demux';

export type LogEntry =
  | { readonly kind: 'line'; readonly timestamp: string; readonly prefix: string; readonly message: string; readonly stream: LogStreamKind }
  /** Our own words in the view (stream ended, reconnecting…), marked so the grammar tells them apart. */
  | { readonly kind: 'notice'; readonly text: string };

export function noticeLine(text: string): string {
  return `--- ${text} ---`;
}

function renderEntry(e: LogEntry, timestamps: boolean): string {
  if (e.kind === 'notice') return noticeLine(e.text);
  return `${timestamps && e.timestamp ? `${e.timestamp} ` : ''}${e.prefix}${e.message}`;
}

export class LogBuffer {
  private entries: LogEntry[] = [];
  private droppedLines = 0;

  constructor(readonly maxLines: number) {}

  get size(): number { return this.entries.length; }
  get dropped(): number { return this.droppedLines; }

  append(batch: readonly LogEntry[]): void {
    for (const e of batch) this.entries.push(e);
    if (this.entries.length <= this.maxLines) return;
    const drop = this.entries.length - (this.maxLines - Math.floor(this.maxLines / 5));
    this.entries.splice(0, drop);
    this.droppedLines += drop;
  }

  render(timestamps: boolean): string {
    const lines = this.entries.map((e) => renderEntry(e, timestamps));
    if (this.droppedLines > 0) {
      lines.unshift(noticeLine(`${this.droppedLines.toLocaleString('en-US')} earlier lines dropped: this view keeps at most `
        + `${this.maxLines.toLocaleString('en-US')} (setting swarm.logs.maxLines)`));
    }
    return lines.join('\n');
  }
}

export interface LogViewOptions {
  readonly maxLines: number;
  readonly timestamps: boolean;
  /** The shortest time between two renders. */
  readonly minIntervalMs: number;
  /** The longest, reached as the text grows (one more millisecond per `bytesPerMs` characters). */
  readonly maxIntervalMs: number;
  readonly bytesPerMs: number;
}

export const DEFAULT_VIEW_TIMING = { minIntervalMs: 200, maxIntervalMs: 1500, bytesPerMs: 2000 } as const;

/** Collects entries and renders the text at most once per interval; `onRender` gets the whole text. */
export class LogView {
  private readonly buffer: LogBuffer;
  private pending: LogEntry[] = [];
  private timer: { cancel(): void } | undefined;
  private lastRender = Number.NEGATIVE_INFINITY;
  private textValue = '';
  private timestampsOn: boolean;
  private renders = 0;

  constructor(private readonly options: LogViewOptions, private readonly scheduler: Scheduler,
    private readonly now: () => number, private readonly onRender: (text: string) => void) {
    this.buffer = new LogBuffer(options.maxLines);
    this.timestampsOn = options.timestamps;
  }

  get text(): string { return this.textValue; }
  get timestamps(): boolean { return this.timestampsOn; }
  get renderCount(): number { return this.renders; }
  get lineCount(): number { return this.buffer.size + this.pending.length; }

  push(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    for (const e of entries) this.pending.push(e);
    this.schedule();
  }

  setTimestamps(on: boolean): void {
    if (on === this.timestampsOn) return;
    this.timestampsOn = on;
    this.renderNow();
  }

  /** Renders what is pending at once (the stream ended, the view is shown). */
  flush(): void {
    if (this.pending.length > 0) this.renderNow();
  }

  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private interval(): number {
    const { minIntervalMs, maxIntervalMs, bytesPerMs } = this.options;
    return Math.min(maxIntervalMs, Math.max(minIntervalMs, this.textValue.length / bytesPerMs));
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastRender + this.interval() - this.now());
    this.timer = this.scheduler.schedule(() => { this.timer = undefined; this.renderNow(); }, wait);
  }

  private renderNow(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.buffer.append(this.pending);
    this.pending = [];
    this.textValue = this.buffer.render(this.timestampsOn);
    this.lastRender = this.now();
    this.renders++;
    this.onRender(this.textValue);
  }
}
