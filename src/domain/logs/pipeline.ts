// From the bytes of a log stream to the entries of a view: frames cut into lines, each line's
// timestamp and task context read, its prefix resolved (once per context), order kept.
import { LogDemuxer } from './demux';
import type { LogEntry } from './logBuffer';
import { DetailsCache, parseLogLine, type ParsedLogLine } from './logLine';
import type { PrefixResolver } from './prefix';
import type { LogStreamKind, RawLogLine } from './demux';

export class LogPipeline {
  private readonly demuxer: LogDemuxer;
  private chain: Promise<void> = Promise.resolve();
  private readonly details = new DetailsCache();

  constructor(multiplexed: boolean | 'auto', private readonly resolver: PrefixResolver,
    private readonly sink: (entries: LogEntry[]) => void) {
    this.demuxer = new LogDemuxer(multiplexed);
  }

  push(chunk: Uint8Array): void {
    this.enqueue(this.demuxer.push(chunk));
  }

  /** The stream ended; resolves once every line has reached the sink. */
  end(): Promise<void> {
    this.enqueue(this.demuxer.end());
    return this.chain;
  }

  private enqueue(lines: RawLogLine[]): void {
    if (lines.length === 0) return;
    this.chain = this.chain.then(() => this.process(lines));
  }

  private async process(lines: readonly RawLogLine[]): Promise<void> {
    const parsed = lines.map((l) => ({ stream: l.stream, line: parseLogLine(l.text, this.details) }));
    const unresolved = parsed.filter((p) => p.line.context && this.resolver.cached(p.line.context) === undefined);
    await Promise.all(unresolved.map((p) => p.line.context && this.resolver.resolve(p.line.context)));
    this.sink(parsed.map((p) => this.entry(p.stream, p.line)));
  }

  private entry(stream: LogStreamKind, l: ParsedLogLine): LogEntry {
    const prefix = l.context ? this.resolver.cached(l.context) ?? '' : '';
    return { kind: 'line', timestamp: l.timestamp, prefix, message: l.message, stream };
  }
}
