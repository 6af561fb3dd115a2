// Typed specs keep what they do not model: the specs captured from a real engine go through the
// narrowing unchanged, and each change touches exactly its own field.
import assert from 'node:assert/strict';
import { narrowNodeSpec, narrowServiceSpec } from '../../src/domain/specs/shape';
import { imageOf, replicasOf, withForceUpdate, withImage, withReplicas, type ServiceSpec } from '../../src/domain/specs/serviceSpec';
import { withAvailability, withLabel, withoutLabels, withRole } from '../../src/domain/specs/nodeSpec';
import { fixtureList } from '../support/fixtures';

const specsOf = (file: string): unknown[] => fixtureList(file).map((o) => (o as { Spec: unknown }).Spec);

/** Every leaf path whose value differs between a and b. */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

function serviceSpecs(): ServiceSpec[] {
  return [...specsOf('services.json'), ...specsOf('services-updated.json')].map((raw) => {
    const n = narrowServiceSpec(raw);
    assert.ok(n.spec, `narrowed: ${n.problems?.join('; ')}`);
    return n.spec;
  });
}

describe('typed specs', () => {
  it('the Engine\'s node and service specs narrow without a problem and without losing a field', () => {
    for (const raw of specsOf('nodes.json')) assert.deepEqual(narrowNodeSpec(raw).spec, raw);
    for (const raw of [...specsOf('services.json'), ...specsOf('services-updated.json')]) assert.deepEqual(narrowServiceSpec(raw).spec, raw);
  });

  it('a null typed field is left out (Go decodes null and absent alike); untyped nulls stay', () => {
    const n = narrowServiceSpec({ Name: 'web', Labels: null, TaskTemplate: { ContainerSpec: { Image: 'x', Env: null }, Resources: null } });
    assert.deepEqual(n.spec, { Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'x' }, Resources: null } });
  });

  it('wrong types are named by their path', () => {
    const n = narrowServiceSpec({ Name: 3, Mode: { Replicated: { Replicas: 1.5 } }, TaskTemplate: { ContainerSpec: { Env: ['A=1', 2] },
      Networks: [{ Target: 'n' }, 'x'] }, EndpointSpec: { Ports: [{ PublishMode: 'mesh' }] } });
    assert.deepEqual(n.problems, [
      'Name must be a string',
      'Mode.Replicated.Replicas must be a whole number',
      'TaskTemplate.ContainerSpec.Env must be a list of strings',
      'TaskTemplate.Networks[1] must be a mapping',
      'EndpointSpec.Ports[0].PublishMode must be one of ingress, host',
    ]);
    assert.deepEqual(narrowNodeSpec({ Role: 'boss', Labels: { a: 1 } }).problems, ['Labels must be a mapping of strings', 'Role must be one of manager, worker']);
    assert.deepEqual(narrowNodeSpec([]).problems, ['the spec must be a mapping']);
  });

  it('each change touches its own field only', () => {
    const replicated = serviceSpecs().find((s) => replicasOf(s) !== undefined);
    assert.ok(replicated);
    assert.deepEqual(changedPaths(replicated, withReplicas(replicated, 7)), ['Mode.Replicated.Replicas']);
    assert.equal(replicasOf(withReplicas(replicated, 7)), 7);
    assert.deepEqual(changedPaths(replicated, withImage(replicated, 'local/busybox:2@sha256:x')), ['TaskTemplate.ContainerSpec.Image']);
    assert.equal(imageOf(withImage(replicated, 'a:b')), 'a:b');
    const forced = withForceUpdate(withForceUpdate(replicated));
    assert.deepEqual(changedPaths(replicated, forced), ['TaskTemplate.ForceUpdate']);
    assert.equal(forced.TaskTemplate?.ForceUpdate, (replicated.TaskTemplate?.ForceUpdate ?? 0) + 2);
    const node = narrowNodeSpec(specsOf('nodes.json')[0]).spec;
    assert.ok(node);
    assert.deepEqual(changedPaths(node, withAvailability(node, 'drain')), ['Availability']);
    assert.deepEqual(changedPaths(node, withRole(node, 'manager')), ['Role']);
    assert.deepEqual(changedPaths(node, withLabel(node, 'zone', 'a')), ['Labels.zone']);
    assert.deepEqual(withoutLabels(withLabel(node, 'zone', 'a'), ['zone']), { ...node, Labels: { ...node.Labels } });
  });

  it('scaling is refused for a global service', () => {
    const global = serviceSpecs().find((s) => s.Mode?.Global !== undefined);
    assert.ok(global);
    assert.equal(replicasOf(global), undefined);
    assert.throws(() => withReplicas(global, 2), /not a replicated service/);
  });
});
