// The action commands in the real extension host, on the small lab (1 manager, 2 workers), with the
// tree's own elements as arguments, as its context menus pass them. The Engine is the oracle.
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';
import type { TreeElement } from '../../../src/ui/tree/elements';
import { LAB_HOST, liveOnLab, waitFor } from './env';

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

interface EngineNode { ID: string; Version: { Index: number }; Description: { Hostname: string }; Spec: { Role: string; Availability: string } }

export function operationsTests(): void {
  describe('action commands on the lab (real extension host)', function () {
    let api: SwarmExtensionApi;
    let docker: Docker;
    const config = () => vscode.workspace.getConfiguration('swarm');

    const children = (el?: TreeElement) => api.treeProvider.getChildren(el).map((c) => ({ el: c, item: api.treeProvider.getTreeItem(c) }));
    const row = (groupLabel: string, label: string) => {
      const group = children().find((x) => labelOf(x.item) === groupLabel);
      assert.ok(group, groupLabel);
      return children(group.el).find((x) => labelOf(x.item) === label);
    };
    const engineNodes = async (): Promise<EngineNode[]> => (await docker.listNodes()) as EngineNode[];
    const engineNode = async (hostname: string): Promise<EngineNode> => (await engineNodes()).find((n) => n.Description.Hostname === hostname) ?? assert.fail(hostname);

    before(async function () {
      this.timeout(90_000);
      docker = new Docker({ socketPath: LAB_HOST.replace(/^unix:\/\//, '') });
      api = await liveOnLab();
      await config().update('actions.confirmNonDestructive', false, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await config().update('actions.confirmNonDestructive', undefined, vscode.ConfigurationTarget.Global);
      for (const n of await engineNodes()) {
        if (n.Spec.Availability !== 'active') await docker.getNode(n.ID).update({ version: n.Version.Index, ...n.Spec, Availability: 'active' });
      }
      const services = await docker.listServices({ filters: JSON.stringify({ name: ['vsct-edit'] }) }) as { ID: string }[];
      for (const s of services) await docker.getService(s.ID).remove().catch(() => undefined);
    });

    it('pauses, then activates, the selected workers from a node\'s context menu (non-destructive: no confirmation with it turned off)', async function () {
      this.timeout(60_000);
      const workers = (await engineNodes()).filter((n) => n.Spec.Role === 'worker').map((n) => n.Description.Hostname).sort();
      const selected = workers.map((h) => row('Nodes', h)?.el ?? assert.fail(h));
      await vscode.commands.executeCommand('swarm.node.pause', selected[0], selected);
      for (const h of workers) assert.equal((await engineNode(h)).Spec.Availability, 'pause', h);
      await waitFor('the tree shows both paused', () => workers.every((h) => /^swarmNode\b.*\bpause\b/.test(row('Nodes', h)?.item.contextValue ?? '')), 10_000);
      await vscode.commands.executeCommand('swarm.node.activate', selected[0], selected);
      for (const h of workers) assert.equal((await engineNode(h)).Spec.Availability, 'active', h);
    });

    it('demoting the only manager is refused before anything is sent: the Engine\'s node is untouched', async function () {
      this.timeout(30_000);
      const manager = (await engineNodes()).find((n) => n.Spec.Role === 'manager') ?? assert.fail('a manager');
      const el = row('Nodes', manager.Description.Hostname)?.el ?? assert.fail('its row');
      await vscode.commands.executeCommand('swarm.node.demote', el);
      const after = await engineNode(manager.Description.Hostname);
      assert.equal(after.Spec.Role, 'manager');
      assert.equal(after.Version.Index, manager.Version.Index, 'no update was sent');
    });

    it('Edit Spec opens the service\'s Spec as YAML at its version; a save that does not validate fails and changes nothing', async function () {
      this.timeout(60_000);
      const svc = await docker.createService({ Name: 'vsct-edit', Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 1 } },
        TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
      const el = await waitFor('the service row', () => row('Services', 'vsct-edit')?.el, 20_000);
      await vscode.commands.executeCommand('swarm.service.editSpec', el);
      const editor = await waitFor('the spec editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'swarm-spec' && vscode.window.activeTextEditor, 20_000);
      const doc = editor.document;
      const engine = await docker.getService(svc.id).inspect() as { Version: { Index: number } };
      assert.match(doc.getText(), new RegExp(`spec at version ${engine.Version.Index}\\.`));
      assert.match(doc.getText(), /^Name: vsct-edit$/m);
      assert.equal(doc.languageId, 'yaml');
      const edit = new vscode.WorkspaceEdit();
      const at = doc.getText().search(/Replicas: 1/);
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Replicas: 1'.length)), 'Replicas: many');
      await vscode.workspace.applyEdit(edit);
      assert.equal(await doc.save(), false, 'the save failed');
      const after = await docker.getService(svc.id).inspect() as { Version: { Index: number } };
      assert.equal(after.Version.Index, engine.Version.Index, 'nothing was sent');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
