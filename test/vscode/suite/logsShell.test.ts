// Show Logs and Open Shell in the real extension host, on the lab. The extension is pointed at a
// socket proxy in front of the lab's manager, so the test sees the HTTP connections it holds: the
// log stream's must close when its tab closes. Oracles: the real docker CLI's `service logs`, the
// Engine (what a shell command did in the container), VS Code (documents, tabs, terminals).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';
import { SocketProxy } from '../../support/socketProxy';
import { extension, LAB_HOST, waitFor } from './env';

const run = promisify(execFile);
const SCRIPT = 'for i in 1 2 3; do echo "INFO line $i"; done; echo "ERROR oops" >&2; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.3; done';

export function logsShellTests(): void {
  describe('logs and shell (real extension host)', function () {
    let api: SwarmExtensionApi;
    let docker: Docker;
    let proxy: SocketProxy;
    let serviceId = '';
    const settings = () => vscode.workspace.getConfiguration('swarm');
    const logDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'swarm-logs');
    // A connection whose last request is a log request is that stream's (keep-alive reuses them).
    const logStreams = () => proxy.connections().filter((c) => /^GET \/(v[\d.]+\/)?services\/\w+\/logs\?/.test(c.requests.at(-1) ?? ''));
    const element = (kind: 'service' | 'task', id: string) => {
      const el = api.treeProvider.find(kind, id);
      assert.ok(el, `the tree shows ${kind} ${id}`);
      return el;
    };
    const closeTabsOf = async (uri: vscode.Uri) => {
      for (const g of vscode.window.tabGroups.all) {
        for (const t of g.tabs) if (t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(t);
      }
    };

    before(async function () {
      this.timeout(120_000);
      docker = new Docker({ socketPath: LAB_HOST.replace(/^unix:\/\//, '') });
      proxy = await SocketProxy.start(LAB_HOST);
      api = await extension().activate();
      await vscode.commands.executeCommand('workbench.view.extension.swarm');
      await settings().update('dockerHost', proxy.host, vscode.ConfigurationTarget.Global);
      await waitFor('the store live through the proxy', () => api.store()?.endpointLabel === proxy.host && api.store()?.connection.status === 'live', 60_000);
      const created = await docker.createService({
        Name: 'vs-logs', Labels: { 'swarm-operator.test': '1' },
        TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sh', '-c', SCRIPT], Init: true }, Placement: { MaxReplicas: 1 } },
        Mode: { Replicated: { Replicas: 3 } },
      }) as unknown as { id: string };
      serviceId = created.id;
      await waitFor('vs-logs running on the 3 nodes', () => api.store()?.all('task').filter((t) => t.serviceId === serviceId && t.state === 'running').length === 3, 60_000);
    });

    after(async function () {
      this.timeout(60_000);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (serviceId) await docker.getService(serviceId).remove().catch(() => undefined);
      await settings().update('dockerHost', LAB_HOST, vscode.ConfigurationTarget.Global);
      await waitFor('the store back on the lab', () => api.store()?.endpointLabel === LAB_HOST && api.store()?.connection.status === 'live', 60_000);
      await proxy.close();
    });

    it('Show Logs on a service opens a swarm-log document with the lines docker service logs prints', async () => {
      await vscode.commands.executeCommand('swarm.service.logs', element('service', serviceId));
      const doc = await waitFor('the log view with every task\'s lines', () => logDocs().find((d) => (d.getText().match(/INFO line 3/g) ?? []).length === 3), 30_000)
        .catch((e: Error) => { throw new Error(`${e.message}; log views: ${JSON.stringify(logDocs().map((d) => d.getText().slice(0, 300)))}`); });
      assert.equal(doc.languageId, 'swarm-log');
      assert.equal(vscode.window.activeTextEditor?.document, doc);
      const { stdout, stderr } = await run('/usr/local/bin/docker', ['-H', LAB_HOST, 'service', 'logs', 'vs-logs'], { encoding: 'utf8' });
      const shown = new Set(doc.getText().split('\n'));
      const cli = [...stdout.split('\n'), ...stderr.split('\n')].filter((l) => /INFO line|ERROR oops/.test(l));
      assert.equal(cli.length, 12);
      for (const line of cli) assert.ok(shown.has(line), `the view shows the CLI's line ${JSON.stringify(line)}`);
    });

    it('follows new lines, and closing its tab closes the Engine log stream', async () => {
      const doc = logDocs()[0];
      assert.ok(doc);
      const ticks = () => (doc.getText().match(/\| tick \d+$/gm) ?? []).length;
      const before = ticks();
      await waitFor('new lines in the view', () => ticks() > before + 3, 15_000);
      assert.ok(logStreams().some((c) => c.open), `the log stream is open while the view is: ${JSON.stringify(proxy.connections().filter((c) => c.open))}`);
      await closeTabsOf(doc.uri);
      await waitFor('the log stream closed', () => logStreams().length > 0 && logStreams().every((c) => !c.open), 10_000);
    });

    it('Toggle Timestamps shows the Engine\'s timestamps before the prefixes, and hides them again', async () => {
      await vscode.commands.executeCommand('swarm.service.logs', element('service', serviceId));
      const doc = await waitFor('a new log view', () => logDocs().find((d) => /INFO line 1/.test(d.getText()) && vscode.window.activeTextEditor?.document === d), 30_000);
      const stamped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z vs-logs\.\d\.\w{12}@node\d {4}\| INFO line 1$/m;
      assert.doesNotMatch(doc.getText(), stamped);
      await vscode.commands.executeCommand('swarm.logs.toggleTimestamps', doc.uri);
      await waitFor('timestamps shown', () => stamped.test(doc.getText()), 10_000);
      await vscode.commands.executeCommand('swarm.logs.toggleTimestamps');
      await waitFor('timestamps hidden', () => !stamped.test(doc.getText()), 10_000);
      await vscode.commands.executeCommand('swarm.logs.stop', doc.uri);
      await waitFor('the stream stopped', () => /--- stopped following ---/.test(doc.getText()) && logStreams().every((c) => !c.open), 10_000);
    });

    it('Open Shell on a task of the node it talks to runs commands in its container, and closes with the shell', async () => {
      const store = api.store();
      const self = store?.connection.status === 'live' ? store.connection.info.nodeId : '';
      const task = store?.all('task').find((t) => t.serviceId === serviceId && t.state === 'running' && t.nodeId === self);
      assert.ok(task?.containerId, 'a running vs-logs task on the node the extension talks to');
      const closed = new Promise<vscode.Terminal>((resolve) => { const sub = vscode.window.onDidCloseTerminal((t) => { sub.dispose(); resolve(t); }); });
      await vscode.commands.executeCommand('swarm.task.shell', element('task', task.id));
      const terminal = await waitFor('the shell terminal', () => vscode.window.terminals.find((t) => t.name.startsWith('vs-logs.')), 15_000);
      await new Promise((r) => setTimeout(r, 1_000));
      terminal.sendText('touch /tmp/from-vscode; exit 7');
      const ended = await closed;
      assert.equal(ended.exitStatus?.code, 7);
      const exec = await docker.getContainer(task.containerId).exec({ Cmd: ['test', '-e', '/tmp/from-vscode'] });
      await exec.start({ Detach: true });
      const result = await waitFor('the check to finish', async () => { const i = await exec.inspect(); return i.Running ? undefined : i; }, 10_000);
      assert.equal(result.ExitCode, 0, 'the file the shell made is in the container');
    });
  });
}
