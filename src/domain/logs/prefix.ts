// The prefix the docker CLI puts before each service log line (cli/command/service/logs.go,
// taskFormatter.format): `<service>.<slot>.<task id, 12 chars>@<node>`, padded after the node name to
// the width of the largest slot number, then `    | `. The slot is the task's (0 for global tasks);
// names are resolved once per (node, service, task) and cached, as the CLI does.
import type { Service, SwarmNode, Task } from '../model';
import type { LogContext } from './logLine';

/** What the CLI appends to the context, before the message. */
export const PREFIX_SEPARATOR = '    | ';

/** The CLI's stringid.TruncateID: 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.slice(0, 12);
}

function digits(n: number): number {
  return String(n).length;
}

/**
 * The padding width: the digits of the replica count for a replicated service's logs, 1 for other
 * modes, the digits of the task's own slot for a task's logs.
 */
export function slotWidth(target: { readonly replicas?: number } | { readonly taskSlot: number }): number {
  if ('taskSlot' in target) return digits(target.taskSlot);
  return target.replicas === undefined ? 1 : digits(target.replicas);
}

export interface ResolvedContext {
  readonly serviceName: string;
  /** Task.Slot as the Engine has it: 0 for a global service's tasks. */
  readonly slot: number;
  readonly taskId: string;
  readonly nodeName: string;
}

export function formatPrefix(c: ResolvedContext, width: number): string {
  const pad = ' '.repeat(Math.max(0, width - digits(c.slot)));
  return `${c.serviceName}.${c.slot}.${truncateId(c.taskId)}@${c.nodeName}${pad}${PREFIX_SEPARATOR}`;
}

/** Name look-ups for a context (the store first, then the Engine); undefined when unknown. */
export interface ContextLookups {
  /** The node's name as the CLI shows it: Spec.Name, else its hostname. */
  nodeName(id: string): Promise<string | undefined>;
  serviceName(id: string): Promise<string | undefined>;
  taskSlot(id: string): Promise<number | undefined>;
}

/** Resolves and caches prefixes; like the CLI's resolver, an unknown node or service shows its id. */
export class PrefixResolver {
  private readonly cache = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly lookups: ContextLookups, private readonly width: number) {}

  cached(c: LogContext): string | undefined {
    return this.cache.get(key(c));
  }

  /** One look-up per context, even when many lines of it arrive before the names are known. */
  resolve(c: LogContext): Promise<string> {
    const k = key(c);
    const hit = this.cache.get(k);
    if (hit !== undefined) return Promise.resolve(hit);
    let pending = this.inflight.get(k);
    if (!pending) {
      pending = this.lookUp(c).then((prefix) => { this.cache.set(k, prefix); this.inflight.delete(k); return prefix; });
      this.inflight.set(k, pending);
    }
    return pending;
  }

  private async lookUp(c: LogContext): Promise<string> {
    const [nodeName, serviceName, slot] = await Promise.all([
      this.lookups.nodeName(c.nodeId).catch(() => undefined),
      this.lookups.serviceName(c.serviceId).catch(() => undefined),
      this.lookups.taskSlot(c.taskId).catch(() => undefined),
    ]);
    return formatPrefix({ serviceName: serviceName || c.serviceId, slot: slot ?? 0, taskId: c.taskId,
      nodeName: nodeName || c.nodeId }, this.width);
  }
}

function key(c: LogContext): string {
  return `${c.nodeId} ${c.serviceId} ${c.taskId}`;
}

/** Look-ups from known objects (the store's cache) first, then from `fetch` (inspect calls) for the rest. */
export function lookupsFrom(
  known: { node(id: string): SwarmNode | undefined; service(id: string): Service | undefined; task(id: string): Task | undefined },
  fetch: { node(id: string): Promise<SwarmNode>; service(id: string): Promise<Service>; task(id: string): Promise<Task> },
): ContextLookups {
  return {
    // The CLI shows a node's Spec.Name when set, else its hostname; docker's own commands never set it.
    nodeName: async (id) => (known.node(id) ?? await fetch.node(id)).hostname,
    serviceName: async (id) => (known.service(id) ?? await fetch.service(id)).name,
    // The model leaves out a global task's slot 0; the CLI prints it.
    taskSlot: async (id) => (known.task(id) ?? await fetch.task(id)).slot ?? 0,
  };
}
