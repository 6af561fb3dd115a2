// The body of `/services/{id}/logs` and `/tasks/{id}/logs`, cut into log messages. Two framings
// (moby api/server/httputils/write_log_stream.go): services without a TTY send the multiplexed
// stream, each message in frames of an 8-byte header (byte 0: 1 stdout, 2 stderr; bytes 4-7: the
// payload length, big-endian) and its payload; TTY services send the raw bytes of the messages.
// Either way a message ends with "\n" (TTY output with "\r\n"), and chunks split anywhere, even
// inside a header or a UTF-8 character. A stream asked for with timestamps starts with a digit when
// raw and with a stream byte (0, 1 or 2) when multiplexed, so the framing can be told from its first
// byte without inspecting the service. Pure: push chunks, get complete lines.

export type LogStreamKind = 'stdout' | 'stderr';

export interface RawLogLine {
  readonly stream: LogStreamKind;
  /** The message without its line ending. */
  readonly text: string;
}

const HEADER_BYTES = 8;

/** One decoder per stream keeps a multi-byte character split across frames whole. */
class LineAssembler {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  constructor(private readonly stream: LogStreamKind) {}

  push(bytes: Uint8Array, out: RawLogLine[]): void {
    const text = this.pending + this.decoder.decode(bytes, { stream: true });
    let from = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', from)) >= 0) {
      out.push({ stream: this.stream, text: stripCr(text.slice(from, nl)) });
      from = nl + 1;
    }
    this.pending = text.slice(from);
  }

  flush(out: RawLogLine[]): void {
    this.pending += this.decoder.decode();
    if (this.pending !== '') out.push({ stream: this.stream, text: stripCr(this.pending) });
    this.pending = '';
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export class LogDemuxer {
  private readonly lines = { stdout: new LineAssembler('stdout'), stderr: new LineAssembler('stderr') };
  private header: Uint8Array = new Uint8Array(0);
  /** Payload bytes still to come for the current frame, and its stream. */
  private remaining = 0;
  private current: LogStreamKind = 'stdout';

  /** `multiplexed`: false for TTY services (the raw stream); 'auto': told by the first byte. */
  constructor(private multiplexed: boolean | 'auto') {}

  push(chunk: Uint8Array): RawLogLine[] {
    const out: RawLogLine[] = [];
    if (this.multiplexed === 'auto') {
      if (chunk.length === 0) return out;
      this.multiplexed = (chunk[0] ?? 0) <= 2;
    }
    if (!this.multiplexed) {
      this.lines.stdout.push(chunk, out);
      return out;
    }
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.lines[this.current].push(chunk.subarray(at, at + take), out);
        this.remaining -= take;
        at += take;
        continue;
      }
      const need = HEADER_BYTES - this.header.length;
      const part = chunk.subarray(at, at + need);
      this.header = concat(this.header, part);
      at += part.length;
      if (this.header.length < HEADER_BYTES) break;
      // 2 is stderr; 0 (stdin) and 1 both go to stdout, as the CLI's stdcopy does.
      this.current = this.header[0] === 2 ? 'stderr' : 'stdout';
      this.remaining = new DataView(this.header.buffer, this.header.byteOffset, HEADER_BYTES).getUint32(4);
      this.header = new Uint8Array(0);
    }
    return out;
  }

  /** The stream ended: a last line without "\n" is still a line. */
  end(): RawLogLine[] {
    const out: RawLogLine[] = [];
    this.lines.stdout.flush(out);
    this.lines.stderr.flush(out);
    return out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
