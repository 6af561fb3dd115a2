// Engine `/tasks`, `/secrets`, `/configs`, `/networks` JSON → cluster model.
import type { Config, Network, Secret, Task, TaskState } from '../../domain/model';
import { taskSpecDigest } from './digest';
import { arr, at, bool, labels, num, obj, oneOf, optNum, optStr, str } from './json';

const TASK_STATES: readonly TaskState[] = ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready',
  'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'];

export function toTask(raw: unknown): Task {
  const status = obj(at(raw, 'Status'));
  const container = obj(status['ContainerStatus']);
  const slot = num(at(raw, 'Slot'));
  const exitCode = container['ExitCode'];
  return {
    id: str(at(raw, 'ID')),
    version: num(at(raw, 'Version', 'Index')),
    serviceId: str(at(raw, 'ServiceID')),
    nodeId: optStr(at(raw, 'NodeID')),
    slot: slot > 0 ? slot : undefined,
    image: str(at(raw, 'Spec', 'ContainerSpec', 'Image')),
    state: oneOf(status['State'], TASK_STATES, 'new'),
    desiredState: oneOf(at(raw, 'DesiredState'), TASK_STATES, 'running'),
    message: str(status['Message']),
    error: optStr(status['Err']),
    exitCode: typeof exitCode === 'number' ? exitCode : undefined,
    containerId: optStr(container['ContainerID']),
    specDigest: taskSpecDigest(at(raw, 'Spec')),
    jobIteration: optNum(at(raw, 'JobIteration', 'Index')),
    timestamp: str(status['Timestamp']),
    createdAt: str(at(raw, 'CreatedAt')),
  };
}

/** Secrets and configs share their shape: a named, labelled spec with timestamps. */
function toNamedSpec(raw: unknown): Config {
  return {
    id: str(at(raw, 'ID')),
    version: num(at(raw, 'Version', 'Index')),
    name: str(at(raw, 'Spec', 'Name')),
    labels: labels(at(raw, 'Spec', 'Labels')),
    createdAt: str(at(raw, 'CreatedAt')),
    updatedAt: str(at(raw, 'UpdatedAt')),
  };
}

export function toSecret(raw: unknown): Secret {
  return { ...toNamedSpec(raw), driver: optStr(at(raw, 'Spec', 'Driver', 'Name')) };
}

export const toConfig: (raw: unknown) => Config = toNamedSpec;

export function toNetwork(raw: unknown): Network {
  const n = obj(raw);
  return {
    id: str(n['Id'] ?? n['ID']),
    version: 0,
    name: str(n['Name']),
    driver: str(n['Driver']),
    scope: str(n['Scope']),
    attachable: bool(n['Attachable']),
    ingress: bool(n['Ingress']),
    internal: bool(n['Internal']),
    labels: labels(n['Labels']),
    subnets: arr(at(n, 'IPAM', 'Config')).map((c) => str(obj(c)['Subnet'])).filter(Boolean),
    createdAt: str(n['Created']),
  };
}
