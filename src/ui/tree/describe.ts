// What the cluster tree shows for each object: label, one-line description, tooltip and icon.
// Pure (no vscode): icons are codicon ids and theme color ids.
import { isJob, type Config, type Network, type Secret, type Service, type SwarmNode, type Task, type TaskState } from '../../domain/model';
import { shortImage, taskName } from '../../domain/names';
import { isCurrentTask, replicaCounts, type ReplicaCounts } from '../../domain/replicas';
import type { TaskBucket } from '../../domain/taskBuckets';
import { isBeforeRunning } from '../../domain/taskStates';
import type { GroupId } from './elements';

export interface IconSpec {
  /** A codicon id, e.g. `vm-active`, `sync~spin`. */
  readonly id: string;
  /** A theme color id, e.g. `list.errorForeground`. */
  readonly color?: string;
}

export interface Presentation {
  readonly label: string;
  readonly description: string;
  /** Built only when VS Code asks (on hover: resolveTreeItem), not for every row of a big swarm. */
  readonly tooltip: () => string;
  readonly icon: IconSpec;
}

const SEP = ' · ';
const ERROR = 'list.errorForeground';
const WARNING = 'list.warningForeground';
const MUTED = 'disabledForeground';
const OK = 'charts.green';

/** `5m`, `3h`, `2d`: how long ago `iso` was; '' when the time is missing (Docker's zero time included). */
export function age(iso: string | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t) || t <= 0) return '';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}


function labelLines(labels: Readonly<Record<string, string>>): string[] {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? [] : ['Labels:', ...keys.map((k) => `  ${k}=${labels[k]}`)];
}

function lines(...parts: readonly (string | false | undefined | readonly string[])[]): string {
  return parts.flatMap((p) => (typeof p === 'string' ? [p] : p || [])).join('\n');
}

const GROUP_TITLES: Readonly<Record<GroupId, { label: string; one: string; icon: string }>> = {
  nodes: { label: 'Nodes', one: 'node', icon: 'server' },
  services: { label: 'Services', one: 'service', icon: 'layers' },
  tasks: { label: 'Tasks', one: 'task', icon: 'checklist' },
  stacks: { label: 'Stacks', one: 'stack', icon: 'package' },
  secrets: { label: 'Secrets', one: 'secret', icon: 'key' },
  configs: { label: 'Configs', one: 'config', icon: 'file-code' },
  networks: { label: 'Networks', one: 'network', icon: 'type-hierarchy' },
};

/** `1 node`, `3 nodes`. */
export function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** States in which a container's exit code means something (a running task reports 0). */
const ENDED: ReadonlySet<TaskState> = new Set<TaskState>(['complete', 'failed', 'shutdown', 'rejected', 'orphaned']);

export function describeGroup(group: GroupId, n: number, stale: boolean): Presentation {
  const { label, one, icon } = GROUP_TITLES[group];
  return { label, description: stale ? `${n} (stale)` : String(n),
    tooltip: () => (stale ? `${count(n, one)} (last known state: disconnected)` : count(n, one)),
    icon: { id: icon } };
}

export function describeStack(name: string, serviceCount: number): Presentation {
  const services = count(serviceCount, 'service');
  return { label: name, description: services, tooltip: () => `Stack ${name}: ${services}`, icon: { id: 'package' } };
}

function managerStatusText(node: SwarmNode): string | undefined {
  const ms = node.managerStatus;
  if (!ms) return undefined;
  if (ms.leader) return 'Leader';
  return ms.reachability === 'reachable' ? 'Reachable' : ms.reachability === 'unreachable' ? 'Unreachable' : undefined;
}

/** One look per situation an operator tells apart at a glance; the first that applies wins. */
function nodeIcon(node: SwarmNode): IconSpec {
  const ms = node.managerStatus;
  if (node.state !== 'ready') return { id: 'vm-outline', color: ERROR };                 // down / disconnected
  if (ms && !ms.leader && ms.reachability === 'unreachable') return { id: 'debug-disconnect', color: ERROR };
  if (node.availability === 'drain') return { id: 'arrow-circle-down', color: MUTED };
  if (node.availability === 'pause') return { id: 'debug-pause', color: WARNING };
  if (ms?.leader) return { id: 'star-full', color: OK };
  if (ms) return { id: 'server', color: OK };                                             // reachable manager
  return { id: 'vm-active', color: OK };                                                  // worker
}

export function describeNode(node: SwarmNode): Presentation {
  const status = managerStatusText(node);
  const description = [node.role, status, node.availability, node.state].filter(Boolean).join(SEP);
  const gib = node.memoryBytes / 1024 ** 3;
  const tooltip = (): string => lines(
    `Node ${node.hostname} (${node.id})`,
    `Role: ${node.role}${status ? ` (${status})` : ''}${node.managerStatus ? ` — ${node.managerStatus.addr}` : ''}`,
    `Availability: ${node.availability}`,
    `State: ${node.state}${node.message ? ` — ${node.message}` : ''}`,
    node.addr !== '' && `Address: ${node.addr}`,
    node.engineVersion !== '' && `Engine: ${node.engineVersion}${node.platform ? ` (${node.platform})` : ''}`,
    node.nanoCpus > 0 && `Resources: ${node.nanoCpus / 1e9} CPUs, ${gib.toFixed(1)} GiB`,
    labelLines(node.labels),
  );
  return { label: node.hostname || node.id.slice(0, 12), description, tooltip, icon: nodeIcon(node) };
}

function serviceIcon(service: Service, c: ReplicaCounts): IconSpec {
  const update = service.updateStatus?.state;
  if (update === 'updating' || update === 'rollback_started') return { id: 'sync~spin' };
  if (update === 'paused' || update === 'rollback_paused') return { id: 'debug-pause', color: WARNING };
  if (isJob(service)) return c.completed >= c.desired ? { id: 'pass', color: OK } : { id: 'run-all' };
  if (c.desired > 0 && c.running === 0) return { id: 'error', color: ERROR };
  if (c.running < c.desired) return { id: 'warning', color: WARNING };
  return { id: 'layers', color: OK };
}

/** How the tree words UpdateStatus.State (a completed update needs no word). */
const UPDATE_WORDS: Readonly<Record<string, string | undefined>> = {
  updating: 'updating', paused: 'update paused', completed: undefined,
  rollback_started: 'rolling back', rollback_paused: 'rollback paused', rollback_completed: 'rolled back',
};

export function describeService(service: Service, tasks: readonly Task[]): Presentation {
  const c = replicaCounts(service, tasks);
  const update = service.updateStatus ? UPDATE_WORDS[service.updateStatus.state] : undefined;
  const replicas = isJob(service)
    ? `${c.completed}/${c.desired} completed${c.running > 0 ? ` (${c.running} running)` : ''}`
    : `${c.running}/${c.desired}${service.mode.kind === 'global' ? ' (global)' : ''}`;
  const description = [replicas, shortImage(service.image), update].filter(Boolean).join(SEP);
  const ports = service.ports.map((p) => `${p.publishedPort ?? '*'}:${p.targetPort}/${p.protocol} (${p.publishMode})`);
  const tooltip = (): string => lines(
    `Service ${service.name} (${service.id})`,
    `Image: ${service.image}`,
    `Mode: ${service.mode.kind} — ${replicas}`,
    service.stack !== undefined && service.stack !== '' && `Stack: ${service.stack}`,
    ports.length > 0 && `Ports: ${ports.join(', ')}`,
    service.updateStatus !== undefined
      && `Update: ${service.updateStatus.state}${service.updateStatus.message ? ` — ${service.updateStatus.message}` : ''}`,
    `Updated: ${service.updatedAt}`,
  );
  return { label: service.name, description, tooltip, icon: serviceIcon(service, c) };
}


function taskIcon(task: Task): IconSpec {
  if (task.state === 'failed' || task.state === 'rejected') return { id: 'error', color: ERROR };
  if (task.state === 'running') return task.desiredState === 'running' ? { id: 'play-circle', color: OK } : { id: 'play-circle', color: MUTED };
  if (task.state === 'complete') return { id: 'pass', color: OK };
  if (isBeforeRunning(task.state)) return { id: 'loading~spin' };
  return { id: 'circle-slash', color: MUTED };
}


export interface TaskContext {
  readonly serviceName?: string;
  readonly nodeName?: string;
  readonly now: number;
}

export function describeTask(task: Task, ctx: TaskContext): Presentation {
  const ending = !isCurrentTask(task) && (task.state === 'running' || isBeforeRunning(task.state));
  const state = ending ? `${task.state} → ${task.desiredState}` : task.state;
  const node = ctx.nodeName ?? task.nodeId?.slice(0, 12);
  const since = age(task.timestamp, ctx.now);
  const error = task.error !== undefined && task.error !== '' ? task.error : undefined;
  const description = [node ? `${state} on ${node}` : state, since, error].filter(Boolean).join(SEP);
  const tooltip = (): string => lines(
    `Task ${taskName(task, ctx.serviceName)} (${task.id})`,
    `State: ${task.state} (desired: ${task.desiredState})${since ? `, ${since} ago` : ''}`,
    node !== undefined && `Node: ${node}`,
    `Image: ${task.image}`,
    task.message !== '' && `Message: ${task.message}`,
    error !== undefined && `Error: ${error}`,
    task.exitCode !== undefined && ENDED.has(task.state) && `Exit code: ${task.exitCode}`,
    task.containerId !== undefined && task.containerId !== '' && `Container: ${task.containerId.slice(0, 12)}`,
  );
  return { label: taskName(task, ctx.serviceName), description, tooltip, icon: taskIcon(task) };
}

function describeStored(what: 'Secret' | 'Config', o: Secret | Config, now: number, icon: string, extra?: string): Presentation {
  const created = age(o.createdAt, now);
  return { label: o.name, description: created ? `created ${created} ago` : '',
    tooltip: () => lines(`${what} ${o.name} (${o.id})`, `Created: ${o.createdAt}`, `Updated: ${o.updatedAt}`, extra, labelLines(o.labels)),
    icon: { id: icon } };
}

export function describeSecret(secret: Secret, now: number): Presentation {
  return describeStored('Secret', secret, now, 'key', secret.driver ? `Driver: ${secret.driver}` : undefined);
}

export function describeConfig(config: Config, now: number): Presentation {
  return describeStored('Config', config, now, 'file-code');
}

export function describeNetwork(network: Network): Presentation {
  const flags = [network.scope === 'local' && 'local', network.ingress && 'ingress', network.attachable && 'attachable', network.internal && 'internal'];
  const description = [network.driver, ...flags, network.subnets.join(', ')].filter(Boolean).join(SEP);
  const tooltip = (): string => lines(`Network ${network.name} (${network.id})`, `Driver: ${network.driver}, scope: ${network.scope}`,
    network.subnets.length > 0 && `Subnets: ${network.subnets.join(', ')}`, `Created: ${network.createdAt}`, labelLines(network.labels));
  return { label: network.name, description, tooltip, icon: { id: network.ingress ? 'globe' : 'type-hierarchy' } };
}

const BUCKET_TITLES: Readonly<Record<TaskBucket, { label: string; icon: IconSpec; tooltip: string }>> = {
  failed: { label: 'Failed', icon: { id: 'error', color: ERROR }, tooltip: 'The latest failure of each slot that is not running again, or failed in the last minutes' },
  rejected: { label: 'Rejected', icon: { id: 'error', color: ERROR }, tooltip: 'Tasks the node refused (e.g. the image is missing there)' },
  stuck: { label: 'Stuck', icon: { id: 'warning', color: WARNING }, tooltip: 'Pending or assigned for longer than swarm.tasks.stuckAfterSeconds: the scheduler cannot place them (see each task\'s message)' },
  starting: { label: 'Starting', icon: { id: 'loading~spin' }, tooltip: 'On their way to running' },
  running: { label: 'Running', icon: { id: 'play-circle', color: OK }, tooltip: 'Running as desired' },
  completed: { label: 'Completed', icon: { id: 'pass', color: OK }, tooltip: 'Job tasks that ran to completion' },
  history: { label: 'History', icon: { id: 'history', color: MUTED }, tooltip: 'Shut down, replaced or failed earlier' },
};

export function describeBucket(bucket: TaskBucket, n: number): Presentation {
  const t = BUCKET_TITLES[bucket];
  return { label: t.label, description: String(n), tooltip: () => `${count(n, 'task')}: ${t.tooltip}`, icon: t.icon };
}

/** The Tasks group counts problems, not tasks. */
export function describeTasksGroup(problems: number, total: number, stale: boolean): Presentation {
  const what = problems === 0 ? 'no problems' : count(problems, 'problem');
  return { label: 'Tasks', description: `${what}${stale ? ' (stale)' : ''}`,
    tooltip: () => `${count(total, 'task')}; ${what} (failed, rejected or stuck)${stale ? ' — last known state: disconnected' : ''}`,
    icon: problems > 0 ? { id: 'checklist', color: ERROR } : { id: 'checklist' } };
}
