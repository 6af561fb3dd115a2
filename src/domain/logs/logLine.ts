// One message of a service's log stream, asked for with `timestamps=1&details=1`: the Engine writes
// `<timestamp> <details> <message>` (moby write_log_stream.go), the details being `k=v` pairs joined
// by commas, keys and values query-escaped. The docker CLI (cli/command/service/logs.go) splits the
// line on its first spaces the same way and reads the task's context from three of the details.

export interface LogContext {
  readonly nodeId: string;
  readonly serviceId: string;
  readonly taskId: string;
}

export interface ParsedLogLine {
  /** RFC 3339 with nanoseconds, as the Engine wrote it. */
  readonly timestamp: string;
  /** Undefined when the details lack the swarm ids (then the line is shown without a prefix). */
  readonly context?: LogContext;
  readonly message: string;
}

const NODE = 'com.docker.swarm.node.id';
const SERVICE = 'com.docker.swarm.service.id';
const TASK = 'com.docker.swarm.task.id';

/** Go's url.QueryUnescape: `+` is a space, `%XX` a byte. Undefined when the escape is malformed. */
function queryUnescape(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The CLI's logdetails.Parse: undefined for a malformed string (a pair without `=` or a key). */
export function parseDetails(details: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const pair of details.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    const k = queryUnescape(pair.slice(0, eq));
    const v = queryUnescape(pair.slice(eq + 1));
    if (k === undefined || v === undefined) return undefined;
    out.set(k, v);
  }
  return out;
}

function contextOf(details: Map<string, string> | undefined): LogContext | undefined {
  const nodeId = details?.get(NODE);
  const serviceId = details?.get(SERVICE);
  const taskId = details?.get(TASK);
  return nodeId && serviceId && taskId ? { nodeId, serviceId, taskId } : undefined;
}

/** A task's lines all carry the same details: parse each details string once (bounded). */
export class DetailsCache {
  private readonly known = new Map<string, LogContext | undefined>();

  contextOf(details: string): LogContext | undefined {
    if (this.known.has(details)) return this.known.get(details);
    if (this.known.size >= 1000) this.known.clear();
    const c = contextOf(parseDetails(details));
    this.known.set(details, c);
    return c;
  }
}

/** Parses a line of a stream requested with timestamps and details. */
export function parseLogLine(line: string, cache?: DetailsCache): ParsedLogLine {
  const sp1 = line.indexOf(' ');
  if (sp1 < 0) return { timestamp: '', message: line };
  const timestamp = line.slice(0, sp1);
  const sp2 = line.indexOf(' ', sp1 + 1);
  const detailsText = sp2 < 0 ? line.slice(sp1 + 1) : line.slice(sp1 + 1, sp2);
  const context = cache ? cache.contextOf(detailsText) : contextOf(parseDetails(detailsText));
  // Without the swarm details this is not the shape asked for: keep everything after the timestamp.
  if (!context) return { timestamp, message: line.slice(sp1 + 1) };
  return { timestamp, context, message: sp2 < 0 ? '' : line.slice(sp2 + 1) };
}
