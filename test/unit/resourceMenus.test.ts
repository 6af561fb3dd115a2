// The tree menus of the logs, shell, secret, config, network and stack commands (the node and
// service actions' are in menus.test.ts): their `when`
// regexes (VS Code evaluates `=~` with a JavaScript RegExp) against the contextValues the tree gives
// objects captured from a real engine (test/fixtures), and every menu command declared.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toConfig, toNetwork, toSecret, toTask } from '../../src/docker/mappers/others';
import { toService } from '../../src/docker/mappers/services';
import { configContext, groupContext, networkContext, secretContext, serviceContext, stackContext, taskContext } from '../../src/ui/tree/contextValues';
import { fixtureList } from '../support/fixtures';

interface MenuItem { command: string; when?: string }
interface Pkg { contributes: { commands: { command: string }[]; menus: Record<string, MenuItem[]> } }
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Pkg;

/** The regex of `viewItem =~ /…/` in a when clause. */
function viewItemRegex(when: string | undefined): RegExp {
  const m = /viewItem =~ \/(.*?)\/(?:\s|$)/.exec(when ?? '');
  assert.ok(m, `no viewItem regex in ${when}`);
  return new RegExp(m[1] ?? '');
}

function shownOn(command: string, contextValue: string): boolean {
  return (pkg.contributes.menus['view/item/context'] ?? []).some((i) => i.command === command && viewItemRegex(i.when).test(contextValue));
}

const tasks = fixtureList('tasks.json').map(toTask);
const running = tasks.find((t) => t.state === 'running' && t.containerId);
const stopped = tasks.find((t) => t.state !== 'running' && t.containerId);
const service = fixtureList('services.json').map(toService)[0];
const secret = fixtureList('secrets.json').map(toSecret)[0];
const config = fixtureList('configs.json').map(toConfig)[0];
const overlay = fixtureList('networks.json').map(toNetwork).find((n) => n.scope === 'swarm');

describe('tree menus of logs, shell, secrets, configs, networks and stacks', () => {
  it('has fixtures of each kind', () => assert.ok(running && stopped && service && secret && config && overlay));

  it('offers logs on services and on tasks that have a container, a shell only on running ones', () => {
    assert.ok(running && stopped && service);
    assert.ok(shownOn('swarm.service.logs', serviceContext(service)));
    assert.ok(shownOn('swarm.task.logs', taskContext(running)) && shownOn('swarm.task.logs', taskContext(stopped)));
    assert.ok(!shownOn('swarm.task.logs', taskContext({ ...running, containerId: undefined })));
    assert.ok(shownOn('swarm.task.shell', taskContext(running)));
    assert.ok(!shownOn('swarm.task.shell', taskContext(stopped)));
    assert.ok(!shownOn('swarm.service.logs', taskContext(running)));
  });

  it('offers create on its group, rotate and remove on the object, and nowhere else', () => {
    assert.ok(secret && config && overlay);
    for (const [kind, group, object] of [['secret', 'secrets', secretContext(secret)], ['config', 'configs', configContext(config)]] as const) {
      assert.ok(shownOn(`swarm.${kind}.create`, groupContext(group)));
      assert.ok(!shownOn(`swarm.${kind}.create`, groupContext('networks')));
      assert.ok(shownOn(`swarm.${kind}.rotate`, object) && shownOn(`swarm.${kind}.remove`, object));
      assert.ok(!shownOn(`swarm.${kind}.remove`, networkContext(overlay)));
    }
    assert.ok(shownOn('swarm.network.create', groupContext('networks')));
    assert.ok(shownOn('swarm.network.remove', networkContext(overlay)));
    assert.ok(!shownOn('swarm.secret.remove', configContext(config)));
    assert.ok(shownOn('swarm.stack.remove', stackContext()));
    assert.ok(!shownOn('swarm.stack.remove', groupContext('stacks')));
  });

  it('declares every command its menus name', () => {
    const declared = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const items of Object.values(pkg.contributes.menus)) for (const i of items) assert.ok(declared.has(i.command), i.command);
  });
});
