// Switching endpoints without a reload, and what the view says when the endpoint cannot serve the
// swarm: a dead socket, a worker, an engine that is not in a swarm (all real daemons of the lab).
// The view's welcome content is chosen by `when` clauses on swarm.connection and swarm.problem:
// each case checks the keys the extension set and that package.json has content for them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';
import { extension, LAB_HOST, waitFor } from './env';

interface Welcome { view: string; contents: string; when: string }

/** Evaluates the simple `when` clauses the manifest uses: `k == v`, `k != v`, joined by `&&`. */
function holds(when: string, keys: Readonly<Record<string, string>>): boolean {
  return when.split('&&').map((p) => p.trim()).every((term) => {
    const m = /^([\w.]+)\s*(==|!=)\s*(\S+)$/.exec(term);
    if (!m) throw new Error(`unsupported when clause: ${term}`);
    const [, key, op, value] = m;
    return op === '==' ? keys[key ?? ''] === value : keys[key ?? ''] !== value;
  });
}

export function connectionTests(): void {
  describe('endpoints and what the view says about them (real extension host)', function () {
    this.timeout(90_000);
    let api: SwarmExtensionApi;
    const config = () => vscode.workspace.getConfiguration('swarm');
    const welcomes = (): Welcome[] => {
      const manifest = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as { contributes: { viewsWelcome: Welcome[] } };
      return manifest.contributes.viewsWelcome.filter((w) => w.view === 'swarm.cluster');
    };
    const shown = (): Welcome[] => {
      const s = api.statusBar();
      return welcomes().filter((w) => holds(w.when, { 'swarm.connection': s.connection, 'swarm.problem': s.problem }));
    };
    /** As Select Docker Context does (src/ui/settings.ts clearUserSetting): empty means not set. */
    const clear = async (key: string): Promise<void> => {
      if (config().get<string>(key)) await config().update(key, '', vscode.ConfigurationTarget.Global);
    };
    const use = async (host: string): Promise<void> => {
      await clear('context');
      await config().update('dockerHost', host, vscode.ConfigurationTarget.Global);
    };
    const problemOf = async (host: string, kind: string): Promise<Welcome> => {
      await use(host);
      await waitFor(`problem ${kind} at ${host}`, () => api.store()?.endpointLabel === host && api.statusBar().problem === kind, 60_000);
      assert.deepEqual(api.treeProvider.getChildren(), [], 'an empty tree: the welcome content shows instead');
      const w = shown();
      assert.equal(w.length, 1, `exactly one welcome for ${kind}: ${w.map((x) => x.when).join(' | ')}`);
      return w[0] as Welcome;
    };

    before(async () => {
      api = await extension().activate();
      await vscode.commands.executeCommand('workbench.view.extension.swarm');  // the view connects
    });
    after(async () => {
      await use(LAB_HOST);
      await waitFor('back on the lab', () => api.store()?.connection.status === 'live', 60_000);
    });

    it('a socket nobody listens on: unreachable, with Retry and Select Docker Context', async () => {
      const w = await problemOf('unix:///run/swarm-lab/nobody.sock', 'unreachable');
      assert.match(w.contents, /command:swarm\.cluster\.reconnect/);
      assert.match(w.contents, /command:swarm\.context\.select/);
    });

    it('a worker of the lab: explains that a manager is needed and offers another endpoint', async function () {
      const worker = process.env['SWARM_IT_WORKER_HOST'];
      if (!worker) this.skip();
      const w = await problemOf(worker, 'worker');
      assert.match(w.contents, /swarm worker\b.*manager/s);
      assert.match(w.contents, /command:swarm\.context\.select/);
    });

    it('an engine that is not in a swarm: explains init and join and offers both', async function () {
      const plain = process.env['SWARM_IT_PLAIN_HOST'];
      if (!plain) this.skip();
      const w = await problemOf(plain, 'not-swarm');
      assert.match(w.contents, /command:swarm\.swarm\.init/);
      assert.match(w.contents, /command:swarm\.swarm\.join/);
    });

    it('back to the lab\'s manager, then to it through a Docker context made by the docker CLI: the tree follows without a reload', async () => {
      await use(LAB_HOST);
      await waitFor('live on the lab', () => api.store()?.endpointLabel === LAB_HOST && api.store()?.connection.status === 'live', 60_000);
      await waitFor('nodes listed', () => api.treeProvider.getChildren().length === 7, 10_000);
      const name = process.env['SWARM_IT_CONTEXT'];
      if (!name) return;
      await clear('dockerHost');
      await config().update('context', name, vscode.ConfigurationTarget.Global);
      await waitFor('live through the context', () => api.store()?.connection.status === 'live' && api.statusBar().text.includes(`${name}:`), 60_000)
        .catch((e: unknown) => { throw new Error(`${String(e)}; status "${api.statusBar().text}", dockerHost ${JSON.stringify(config().inspect('dockerHost'))}, ${api.store()?.endpointLabel}, ${JSON.stringify(api.store()?.connection)}`); });
      assert.equal(api.store()?.endpointLabel, LAB_HOST, 'the context points at the lab manager');
      await clear('context');
    });
  });
}
