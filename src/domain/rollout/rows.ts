// One row per slot (per node for global services and jobs): the task of an older spec being replaced,
// the task of the current spec the docker CLI counts for that slot (./../progress/serviceProgress.ts
// chose it), a bar of its state, and the full error of the slot's latest failure in this rollout.
import { shortImage } from '../names';
import type { Service, SwarmNode, Task } from '../model';
import type { ServiceProgress } from '../progress/serviceProgress';
import { isTerminal, RUNNING_INDEX, stateIndex } from '../taskStates';
import type { RowStatus, SlotRow, TaskCell } from './view';

const byKey = (mode: Service['mode']): ((t: Task) => string) =>
  (mode.kind === 'replicated' || mode.kind === 'replicated-job' ? (t) => String(t.slot ?? 0) : (t) => t.nodeId ?? '');

function cell(t: Task | undefined): TaskCell | undefined {
  return t && { taskId: t.id, state: t.state, desiredState: t.desiredState, image: shortImage(t.image) };
}

const latest = (tasks: readonly Task[], time: (t: Task) => string): Task | undefined =>
  tasks.reduce<Task | undefined>((best, t) => (!best || time(t) > time(best) ? t : best), undefined);

const failed = (t: Task): boolean => t.state === 'failed' || t.state === 'rejected';
const alive = (t: Task): boolean => !isTerminal(t.state);

function bar(t: Task | undefined, job: boolean): number {
  if (!t) return 0;
  const i = stateIndex(t.state);
  if (job && t.state === 'complete') return RUNNING_INDEX;
  return i <= RUNNING_INDEX ? i : 0;
}

export interface RowInput {
  readonly service: Service;
  /** The service's tasks (others are ignored). */
  readonly tasks: readonly Task[];
  readonly nodes: readonly SwarmNode[];
  readonly progress: ServiceProgress;
  /** When the rollout started (epoch ms): failures before it are history, not this rollout's. */
  readonly since: number;
}

export function slotRows({ service, tasks, nodes, progress, since }: RowInput): SlotRow[] {
  const keyOf = byKey(service.mode);
  const job = service.mode.kind === 'replicated-job' || service.mode.kind === 'global-job';
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    if (t.serviceId !== service.id) continue;
    const list = groups.get(keyOf(t));
    if (list) list.push(t); else groups.set(keyOf(t), [t]);
  }
  const chosen = new Map(progress.units.map((u) => [u.key, u.task]));
  const rows: SlotRow[] = [];
  for (const [key, list] of groups) {
    const current = chosen.get(key);
    const fault = latest(list.filter((t) => failed(t) && Date.parse(t.timestamp) >= since), (t) => t.timestamp);
    if (!current && !fault && !list.some(alive)) continue; // history only
    const old = latest(list.filter((t) => t.specDigest !== service.taskSpecDigest), (t) => t.createdAt);
    const nodeId = current?.nodeId ?? old?.nodeId ?? (service.mode.kind.startsWith('global') ? key : undefined);
    const node = nodeId ? nodeById.get(nodeId) : undefined;
    const stopping = current ? isTerminal(current.desiredState) && alive(current) && !job
      : list.some((t) => t.desiredState === 'remove' && alive(t));
    const running = current !== undefined && !stopping && current.state === (job ? 'complete' : 'running');
    const status: RowStatus = node?.state === 'down' ? 'down'
      : running ? 'done'
      : fault ? 'failed'
      : stopping ? 'stopping'
      : current ? 'progress' : 'waiting';
    rows.push({
      key,
      label: service.mode.kind.startsWith('global') ? node?.hostname || key.slice(0, 12) : key,
      node: node?.hostname || nodeId?.slice(0, 12),
      old: cell(old),
      current: cell(current),
      bar: bar(current, job),
      status,
      error: fault ? fault.error ?? fault.message : undefined,
    });
  }
  const numeric = service.mode.kind === 'replicated' || service.mode.kind === 'replicated-job';
  return rows.sort((a, b) => (numeric ? Number(a.key) - Number(b.key) : a.label.localeCompare(b.label)));
}
