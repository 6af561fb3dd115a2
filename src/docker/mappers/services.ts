// Engine `/services` JSON → cluster model.
import { stackOf, type PublishedPort, type Service, type ServiceMode, type UpdatePolicy, type UpdateStatus } from '../../domain/model';
import { taskSpecDigest } from './digest';
import { specChanges } from '../../domain/specs/changes';
import { arr, at, labels, num, obj, oneOf, optNum, optStr, str } from './json';

function toMode(raw: unknown): ServiceMode {
  const mode = obj(raw);
  if ('Global' in mode) return { kind: 'global' };
  if ('GlobalJob' in mode) return { kind: 'global-job' };
  if ('ReplicatedJob' in mode) {
    const job = obj(mode['ReplicatedJob']);
    return { kind: 'replicated-job', maxConcurrent: num(job['MaxConcurrent'], 1), totalCompletions: num(job['TotalCompletions'], 1) };
  }
  return { kind: 'replicated', replicas: num(at(mode, 'Replicated', 'Replicas'), 1) };
}

/** Swarm's defaults apply when the spec leaves a field out (docker service inspect --pretty shows the same). */
function toPolicy(raw: unknown): UpdatePolicy | undefined {
  const p = obj(raw);
  if (Object.keys(p).length === 0) return undefined;
  return {
    parallelism: num(p['Parallelism'], 1),
    delayNs: num(p['Delay']),
    failureAction: oneOf(p['FailureAction'], ['pause', 'continue', 'rollback'] as const, 'pause'),
    monitorNs: num(p['Monitor'], 5e9),
    maxFailureRatio: num(p['MaxFailureRatio']),
    order: oneOf(p['Order'], ['stop-first', 'start-first'] as const, 'stop-first'),
  };
}

function toUpdateStatus(raw: unknown): UpdateStatus | undefined {
  const s = obj(raw);
  if (!s['State']) return undefined;
  return {
    state: oneOf(s['State'], ['updating', 'paused', 'completed', 'rollback_started', 'rollback_paused', 'rollback_completed'] as const, 'updating'),
    message: str(s['Message']),
    startedAt: optStr(s['StartedAt']),
    completedAt: optStr(s['CompletedAt']),
  };
}

function toPorts(raw: unknown): PublishedPort[] {
  return arr(raw).map((p) => {
    const port = obj(p);
    const published = num(port['PublishedPort']);
    return {
      protocol: str(port['Protocol'], 'tcp'),
      targetPort: num(port['TargetPort']),
      publishedPort: published > 0 ? published : undefined,
      publishMode: oneOf(port['PublishMode'], ['ingress', 'host'] as const, 'ingress'),
    };
  });
}

function toPreviousSpec(spec: unknown, previous: unknown): Service['previousSpec'] {
  if (Object.keys(obj(previous)).length === 0) return undefined;
  return { image: str(at(previous, 'TaskTemplate', 'ContainerSpec', 'Image')), changes: specChanges(previous, spec) };
}

export function toService(raw: unknown): Service {
  const spec = obj(at(raw, 'Spec'));
  const template = obj(spec['TaskTemplate']);
  const container = obj(template['ContainerSpec']);
  const serviceLabels = labels(spec['Labels']);
  const status = obj(at(raw, 'ServiceStatus'));
  const networks = arr(template['Networks']).length > 0 ? arr(template['Networks']) : arr(spec['Networks']);
  return {
    id: str(at(raw, 'ID')),
    version: num(at(raw, 'Version', 'Index')),
    name: str(spec['Name']),
    image: str(container['Image']),
    mode: toMode(spec['Mode']),
    labels: serviceLabels,
    stack: stackOf(serviceLabels),
    updateConfig: toPolicy(spec['UpdateConfig']),
    rollbackConfig: toPolicy(spec['RollbackConfig']),
    updateStatus: toUpdateStatus(at(raw, 'UpdateStatus')),
    hasPreviousSpec: Object.keys(obj(at(raw, 'PreviousSpec'))).length > 0,
    previousSpec: toPreviousSpec(spec, at(raw, 'PreviousSpec')),
    ports: toPorts(at(raw, 'Endpoint', 'Ports') ?? at(spec, 'EndpointSpec', 'Ports')),
    networkIds: networks.map((n) => str(obj(n)['Target'])).filter(Boolean),
    secretNames: arr(container['Secrets']).map((s) => str(obj(s)['SecretName'])).filter(Boolean),
    configNames: arr(container['Configs']).map((c) => str(obj(c)['ConfigName'])).filter(Boolean),
    constraints: arr(at(template, 'Placement', 'Constraints')).map((c) => str(c)).filter(Boolean),
    createdAt: str(at(raw, 'CreatedAt')),
    updatedAt: str(at(raw, 'UpdatedAt')),
    taskSpecDigest: taskSpecDigest(template),
    jobIteration: optNum(at(raw, 'JobStatus', 'JobIteration', 'Index')),
    status: 'RunningTasks' in status ? {
      running: num(status['RunningTasks']), desired: num(status['DesiredTasks']), completed: num(status['CompletedTasks']),
    } : undefined,
  };
}
