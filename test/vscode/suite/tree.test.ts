// The cluster tree and status bar in the real extension host, against the lab swarm the runner
// brought up (swarm.dockerHost points at its manager). The oracle is the Engine itself.
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';
import type { TreeElement as ClusterElement } from '../../../src/ui/tree/elements';
import { execFileSync } from 'node:child_process';
import { LAB_HOST, liveOnLab, waitFor, workspaceFile } from './env';

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
      api = await liveOnLab();
    });

    after(async () => {
      if (serviceId) await docker.getService(serviceId).remove().catch(() => undefined);
    });

    it('shows the groups, with counts', () => {
      assert.deepEqual(items().map((x) => labelOf(x.item)), ['Nodes', 'Services', 'Tasks', 'Stacks', 'Secrets', 'Configs', 'Networks']);
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

    it('the Tasks group lists a failing service\'s failure first, as the Engine reports it, and counts it', async function () {
      this.timeout(90_000);
      const failing = await docker.createService({
        Name: 'vsct-fail', Labels: { 'swarm-operator.test': '1' },
        TaskTemplate: { ContainerSpec: { Image: 'local/busybox:fail' }, RestartPolicy: { Condition: 'on-failure', Delay: 30e9 } },
        Mode: { Replicated: { Replicas: 1 } },
      });
      try {
        const failedRow = () => {
          const buckets = items(group('Tasks'));
          const first = buckets[0];
          if (!first || labelOf(first.item) !== 'Failed') return undefined;
          return items(first.el).find((t) => /^vsct-fail\.1$/.test(labelOf(t.item)));
        };
        const row = await waitFor('a failed vsct-fail task first in the Tasks group', failedRow, 60_000);
        const engine = await docker.listTasks({ filters: JSON.stringify({ service: [failing.id] }) }) as { ID: string; Status: { State: string; Err?: string } }[];
        const task = engine.find((t) => row.el.type === 'object' && t.ID === row.el.id);
        assert.equal(task?.Status.State, 'failed', 'the Engine says this task failed');
        assert.ok(task.Status.Err && String(row.item.description).includes(task.Status.Err), 'the row shows the Engine\'s error');
        assert.match(String(items().find((x) => labelOf(x.item) === 'Tasks')?.item.description), /^[1-9]\d* problems?/);
      } finally {
        await docker.getService(failing.id).remove();
      }
    });

    it('the history toggle adds the tasks a forced update replaced; off again, only current ones', async function () {
      this.timeout(90_000);
      const row = () => items(group('Services')).find((x) => labelOf(x.item) === 'vsct-web');
      const cur = await docker.getService(serviceId).inspect() as { Version: { Index: number }; Spec: { TaskTemplate: { ForceUpdate?: number } } };
      const template = { ...cur.Spec.TaskTemplate, ForceUpdate: (cur.Spec.TaskTemplate.ForceUpdate ?? 0) + 1 };
      await docker.getService(serviceId).update({ version: cur.Version.Index, ...cur.Spec, TaskTemplate: template });
      const engineTasks = async () => await docker.listTasks({ filters: JSON.stringify({ service: [serviceId] }) }) as { ID: string; DesiredState: string; Status: { State: string } }[];
      await waitFor('three tasks replaced', async () => (await engineTasks()).filter((t) => t.DesiredState === 'shutdown' && t.Status.State === 'shutdown').length >= 3, 60_000);
      const current = async () => (await engineTasks()).filter((t) => t.DesiredState === 'running').length;
      await waitFor('the current tasks shown', async () => { const r = row(); return r !== undefined && items(r.el).length === await current(); }, 30_000);
      await vscode.commands.executeCommand('swarm.cluster.showTaskHistory');
      const all = (await engineTasks()).length;
      await waitFor('every task shown', () => { const r = row(); return r && items(r.el).length === all; }, 10_000);
      await vscode.commands.executeCommand('swarm.cluster.hideTaskHistory');
      const n = await current();
      await waitFor('only the current tasks shown again', () => { const r = row(); return r && items(r.el).length === n; }, 10_000);
    });

    it('groups services by stack: a stack deployed by the docker CLI shows with its services', async function () {
      this.timeout(90_000);
      const file = workspaceFile('docker-stack.yml').fsPath;
      execFileSync('/usr/local/bin/docker', ['-H', LAB_HOST, 'stack', 'deploy', '--detach=true', '--resolve-image', 'never', '-c', file, 'vsct']);
      try {
        await vscode.commands.executeCommand('swarm.cluster.groupByStack');
        const stack = await waitFor('stack vsct under Services', () => items(group('Services')).find((x) => labelOf(x.item) === 'vsct'), 30_000);
        assert.match(stack.item.contextValue ?? '', /^swarmStack\b/);
        assert.deepEqual(items(stack.el).map((x) => labelOf(x.item)), ['vsct_web']);
        assert.ok(!items(group('Services')).some((x) => labelOf(x.item) === 'vsct_web'), 'not listed loose as well');
        await vscode.commands.executeCommand('swarm.cluster.ungroupByStack');
        await waitFor('vsct_web listed flat', () => items(group('Services')).some((x) => labelOf(x.item) === 'vsct_web'), 10_000);
      } finally {
        execFileSync('/usr/local/bin/docker', ['-H', LAB_HOST, 'stack', 'rm', 'vsct']);
      }
    });

    it('the status bar names the swarm and its size', () => {
      const s = api.statusBar();
      assert.match(s.text, /swarm: 3 nodes/);
      assert.ok(s.tooltip.includes(LAB_HOST), 'the tooltip names the endpoint');
    });
  });
}
