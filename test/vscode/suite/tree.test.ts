// The cluster tree and status bar in the real extension host, against the lab swarm the runner
// brought up (swarm.dockerHost points at its manager). The oracle is the Engine itself.
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';
import type { ClusterElement } from '../../../src/ui/tree/clusterTreeProvider';
import { extension, LAB_HOST, waitFor } from './env';

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

export function treeTests(): void {
  describe('cluster tree on the lab (real extension host)', function () {
    let api: SwarmExtensionApi;
    let docker: Docker;
    let serviceId = '';

    const tree = () => api.treeProvider;
    const items = (el?: ClusterElement) => tree().getChildren(el).map((c) => ({ el: c, item: tree().getTreeItem(c) }));
    const group = (label: string) => {
      const g = items().find((x) => labelOf(x.item) === label);
      assert.ok(g, `group ${label}`);
      return g.el;
    };

    before(async function () {
      this.timeout(90_000);
      docker = new Docker({ socketPath: LAB_HOST.replace(/^unix:\/\//, '') });
      api = await extension().activate();
      await vscode.commands.executeCommand('workbench.view.extension.swarm');
      await waitFor('store live', () => api.store()?.connection.status === 'live', 60_000);
    });

    after(async () => {
      if (serviceId) await docker.getService(serviceId).remove().catch(() => undefined);
    });

    it('shows the groups, with counts', () => {
      assert.deepEqual(items().map((x) => labelOf(x.item)), ['Nodes', 'Services', 'Stacks', 'Secrets', 'Configs', 'Networks']);
    });

    it('lists the lab\'s nodes as the Engine does, with their roles in label, description and context value', async () => {
      const engine = await docker.listNodes() as { Description: { Hostname: string }; Spec: { Role: string }; ManagerStatus?: { Leader?: boolean } }[];
      const shown = items(group('Nodes'));
      assert.deepEqual(shown.map((x) => labelOf(x.item)).sort(), engine.map((n) => n.Description.Hostname).sort());
      for (const n of engine) {
        const row = shown.find((x) => labelOf(x.item) === n.Description.Hostname);
        assert.ok(row);
        assert.match(String(row.item.description), new RegExp(`^${n.Spec.Role}\\b`));
        assert.match(row.item.contextValue ?? '', new RegExp(`^swarmNode\\b.*\\b${n.Spec.Role}\\b`));
        if (n.ManagerStatus?.Leader) assert.match(row.item.contextValue ?? '', /\bleader\b/);
      }
    });

    it('a service created and scaled outside the extension appears with x/y, and its tasks under it', async function () {
      this.timeout(90_000);
      const svc = await docker.createService({
        Name: 'vsct-web', Labels: { 'swarm-operator.test': '1' },
        TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } },
        Mode: { Replicated: { Replicas: 1 } },
      });
      serviceId = svc.id;
      const row = () => items(group('Services')).find((x) => labelOf(x.item) === 'vsct-web');
      await waitFor('vsct-web 1/1', () => /^1\/1\b/.test(String(row()?.item.description ?? '')), 30_000);
      const cur = await docker.getService(serviceId).inspect() as { Version: { Index: number }; Spec: Record<string, unknown> };
      await docker.getService(serviceId).update({ version: cur.Version.Index, ...cur.Spec, Mode: { Replicated: { Replicas: 3 } } });
      await waitFor('vsct-web 3/3', () => /^3\/3\b/.test(String(row()?.item.description ?? '')), 45_000);
      const r = row();
      assert.ok(r);
      assert.match(r.item.contextValue ?? '', /^swarmService\b.*\breplicated\b/);
      const tasks = items(r.el);
      assert.equal(tasks.filter((t) => /^running\b/.test(String(t.item.description))).length, 3);
      assert.ok(tasks.every((t) => /^swarmTask\b/.test(t.item.contextValue ?? '')));
    });

    it('the status bar names the swarm and its size', () => {
      const s = api.statusBar();
      assert.match(s.text, /swarm: 3 nodes/);
      assert.ok(s.tooltip.includes(LAB_HOST), 'the tooltip names the endpoint');
    });
  });
}
