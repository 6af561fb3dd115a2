// One log view's stream: what to ask the Engine for (a service or a task, follow, tail), the
// prefix width the docker CLI would use, names from the store (the Engine for what the store does
// not hold yet, e.g. a task that started a moment ago), and the entries handed to the view in order.
// Stopping it closes the HTTP stream.
import type { LogEntry } from '../../domain/logs/logBuffer';
import { LogPipeline } from '../../domain/logs/pipeline';
import { PrefixResolver, lookupsFrom, slotWidth } from '../../domain/logs/prefix';
import type { Kind, ObjectOfKind, Service, Task } from '../../domain/model';
import type { SwarmApi } from '../../store/swarmApi';
import type { ClusterView } from '../../store/types';
import type { LogRequest, LogStreams, OpenStream } from '../streams';

export interface LogTarget {
  readonly kind: 'service' | 'task';
  readonly id: string;
}

export interface LogSessionHandlers {
  onEntries(entries: readonly LogEntry[]): void;
  /** The stream ended: by itself (`follow` off, the service removed) or with an error. */
  onEnd(error?: Error): void;
}

/** The CLI's padding width: the replica count's digits for a service, the task's slot's for a task. */
export function prefixWidth(target: LogTarget, view: ClusterView): number {
  if (target.kind === 'task') return slotWidth({ taskSlot: view.get('task', target.id)?.slot ?? 0 });
  const mode = view.get('service', target.id)?.mode;
  return slotWidth({ replicas: mode?.kind === 'replicated' ? mode.replicas : undefined });
}

async function one<K extends Kind>(api: SwarmApi, kind: K, id: string): Promise<ObjectOfKind[K]> {
  const [found] = await api.list(kind, { ids: [id] });
  if (!found) throw new Error(`no ${kind} ${id}`);
  return found;
}

export class LogSession {
  private stream: OpenStream | undefined;
  private stopped = false;

  constructor(private readonly streams: LogStreams, private readonly view: ClusterView, private readonly read: SwarmApi,
    readonly target: LogTarget, private readonly options: { readonly follow: boolean; readonly tail: number | 'all' }) {}

  /** Resolves once the Engine has answered; entries and the end come through `handlers`. */
  async start(handlers: LogSessionHandlers, signal?: AbortSignal): Promise<void> {
    const resolver = new PrefixResolver(lookupsFrom(
      { node: (id) => this.view.get('node', id), service: (id) => this.view.get('service', id), task: (id) => this.view.get('task', id) },
      { node: (id) => one(this.read, 'node', id), service: (id): Promise<Service> => one(this.read, 'service', id),
        task: (id): Promise<Task> => one(this.read, 'task', id) },
    ), prefixWidth(this.target, this.view));
    const pipeline = new LogPipeline('auto', resolver, (entries) => { if (!this.stopped) handlers.onEntries(entries); });
    const request: LogRequest = { target: this.target, follow: this.options.follow, tail: this.options.tail };
    const stream = await this.streams.openLogs(request, {
      onData: (chunk) => pipeline.push(chunk),
      onEnd: (error) => { void pipeline.end().then(() => { if (!this.stopped) handlers.onEnd(error); }); },
    }, signal);
    if (this.stopped) stream.close();
    else this.stream = stream;
  }

  stop(): void {
    this.stopped = true;
    this.stream?.close();
    this.stream = undefined;
  }
}
