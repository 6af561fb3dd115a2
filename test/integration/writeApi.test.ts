// The write port on a real engine: a spec read and sent back unchanged except for one field keeps
// everything else; a stale version is refused with "update out of sequence" by the Engine itself,
// and the one-change retry then applies the change on top of the concurrent one.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { DockerWriteApi } from '../../src/docker/dockerWriteApi';
import { isOutOfSequence } from '../../src/domain/refusals';
import { withLabel, withoutLabels, type NodeSpec } from '../../src/domain/specs/nodeSpec';
import { applyChange, type VersionedObject } from '../../src/operations/versionedUpdate';
import { apiFor, dockerFor } from '../support/engine';
import { labs, OPS } from '../support/lab';
import { MemoryLog } from '../support/operations';

describe('write port (dockerode adapter)', function () {
  this.timeout(60_000);
  let docker: Docker;
  let api: DockerWriteApi;
  let log: MemoryLog;
  let nodeId: string;

  const nodeObject = (): VersionedObject<NodeSpec> => ({
    what: 'node', read: (s) => api.inspectNode(nodeId, s), write: (v, spec, s) => api.updateNode(nodeId, v, spec, s),
  });
  const engineLabels = async (): Promise<Record<string, string>> =>
    ((await docker.getNode(nodeId).inspect()) as { Spec: { Labels: Record<string, string> } }).Spec.Labels;

  before(async () => {
    const lab = labs.get(OPS);
    docker = dockerFor(lab.host);
    log = new MemoryLog();
    api = new DockerWriteApi(apiFor(lab.host), log);
    nodeId = ((await docker.listNodes()) as { ID: string; Spec: { Role: string } }[]).find((n) => n.Spec.Role === 'worker')?.ID ?? '';
  });
  after(async () => {
    const cur = await api.inspectNode(nodeId);
    await api.updateNode(nodeId, cur.version, withoutLabels(cur.spec, ['it.a', 'it.b']));
  });

  it('round-trips the node spec: the Engine keeps every field, the log has the call and its answer', async () => {
    const before = await api.inspectNode(nodeId);
    await api.updateNode(nodeId, before.version, withLabel(before.spec, 'it.a', '1'));
    const after = await api.inspectNode(nodeId);
    assert.ok(after.version > before.version);
    assert.deepEqual(after.spec, withLabel(before.spec, 'it.a', '1'));
    assert.match(log.text(), new RegExp(`POST /nodes/${nodeId}/update\\?version=${before.version} → OK`));
  });

  it('a stale version: the Engine answers "update out of sequence"; the retry keeps the concurrent change', async () => {
    const stale = await api.inspectNode(nodeId);
    const fresh = await api.inspectNode(nodeId);
    await api.updateNode(nodeId, fresh.version, withLabel(fresh.spec, 'it.b', 'theirs'));
    const refused = await api.updateNode(nodeId, stale.version, stale.spec).then(() => undefined, (e: unknown) => e);
    assert.ok(isOutOfSequence(refused), `refused as out of sequence: ${String(refused)}`);

    // One-change update whose first write races with someone else's.
    const target = nodeObject();
    let raced = false;
    const racing: VersionedObject<NodeSpec> = {
      ...target,
      write: async (v, spec, s) => {
        if (!raced) {
          raced = true;
          const cur = await api.inspectNode(nodeId);
          await api.updateNode(nodeId, cur.version, withLabel(cur.spec, 'it.b', 'theirs-again'));
        }
        return target.write(v, spec, s);
      },
    };
    const applied = await applyChange(racing, (spec) => withLabel(spec, 'it.a', 'ours'), log);
    assert.equal(applied.retried, true);
    const labels = await engineLabels();
    assert.equal(labels['it.a'], 'ours');
    assert.equal(labels['it.b'], 'theirs-again', 'the concurrent change was not overwritten');
    assert.match(log.text(), /FAILED POST .*update out of sequence/);
  });
});
