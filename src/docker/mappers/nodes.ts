// Engine `/nodes` and `/info` JSON → cluster model.
import type { ManagerStatus, SwarmInfo, SwarmNode } from '../../domain/model';
import { at, bool, labels, num, obj, oneOf, str } from './json';

export function toNode(raw: unknown): SwarmNode {
  const ms = obj(at(raw, 'ManagerStatus'));
  const managerStatus: ManagerStatus | undefined = Object.keys(ms).length === 0 ? undefined : {
    leader: bool(ms['Leader']),
    reachability: oneOf(ms['Reachability'], ['unknown', 'unreachable', 'reachable'] as const, 'unknown'),
    addr: str(ms['Addr']),
  };
  const platform = obj(at(raw, 'Description', 'Platform'));
  return {
    id: str(at(raw, 'ID')),
    version: num(at(raw, 'Version', 'Index')),
    hostname: str(at(raw, 'Description', 'Hostname'), str(at(raw, 'ID')).slice(0, 12)),
    role: oneOf(at(raw, 'Spec', 'Role'), ['manager', 'worker'] as const, 'worker'),
    availability: oneOf(at(raw, 'Spec', 'Availability'), ['active', 'pause', 'drain'] as const, 'active'),
    state: oneOf(at(raw, 'Status', 'State'), ['unknown', 'down', 'ready', 'disconnected'] as const, 'unknown'),
    addr: str(at(raw, 'Status', 'Addr')),
    message: str(at(raw, 'Status', 'Message')),
    labels: labels(at(raw, 'Spec', 'Labels')),
    engineLabels: labels(at(raw, 'Description', 'Engine', 'Labels')),
    engineVersion: str(at(raw, 'Description', 'Engine', 'EngineVersion')),
    platform: [str(platform['OS']), str(platform['Architecture'])].filter(Boolean).join('/'),
    nanoCpus: num(at(raw, 'Description', 'Resources', 'NanoCPUs')),
    memoryBytes: num(at(raw, 'Description', 'Resources', 'MemoryBytes')),
    managerStatus,
  };
}

export function toSwarmInfo(raw: unknown): SwarmInfo {
  const swarm = obj(at(raw, 'Swarm'));
  return {
    nodeId: str(swarm['NodeID']),
    nodeAddr: str(swarm['NodeAddr']),
    localNodeState: oneOf(swarm['LocalNodeState'], ['inactive', 'pending', 'active', 'error', 'locked'] as const, 'inactive'),
    controlAvailable: bool(swarm['ControlAvailable']),
    clusterId: str(at(swarm, 'Cluster', 'ID')),
    managers: num(swarm['Managers']),
    nodes: num(swarm['Nodes']),
    engineVersion: str(at(raw, 'ServerVersion')),
    name: str(at(raw, 'Name')),
    error: str(swarm['Error']),
  };
}
