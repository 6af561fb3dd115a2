// The node and service context menus of package.json against the tree's contextValue tokens (src/ui/tree/contextValues.ts):
// each action shows exactly on the items it applies to; every command in a menu is declared and in
// the command table.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Service, SwarmNode } from '../../src/domain/model';
import { groupContext, nodeContext, serviceContext } from '../../src/ui/tree/contextValues';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> };
};
const table = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'registerCommands.ts'), 'utf8');

/** Node and service actions a context menu (or the inline bar) shows for an item with this contextValue. */
function shown(contextValue: string, inline = false): string[] {
  return pkg.contributes.menus['view/item/context']
    .filter((e) => /^swarm\.(node|service)\./.test(e.command))
    .filter((e) => (e.group?.startsWith('inline') ?? false) === inline)
    .filter((e) => {
      const m = /viewItem =~ \/(.*)\/$/.exec(e.when ?? '');
      assert.ok(m, `anchored regex in ${e.when}`);
      assert.ok(m[1]?.startsWith('^'), `anchored: ${e.when}`);
      return new RegExp(m[1] ?? '').test(contextValue);
    }).map((e) => e.command).sort();
}

const node = (o: Partial<SwarmNode>): SwarmNode => ({
  id: 'n1', version: 1, hostname: 'node1', role: 'worker', availability: 'active', state: 'ready', addr: '', message: '', labels: {},
  engineLabels: {}, engineVersion: '', platform: '', nanoCpus: 0, memoryBytes: 0, ...o,
});
const service = (o: Partial<Service>): Service => ({
  id: 's1', version: 1, name: 'web', image: 'x', mode: { kind: 'replicated', replicas: 1 }, labels: {}, hasPreviousSpec: false, ports: [],
  networkIds: [], secretNames: [], configNames: [], constraints: [], createdAt: '', updatedAt: '', taskSpecDigest: '', ...o,
});

describe('menus', () => {
  it('every menu command is declared and registered', () => {
    const declared = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const entries of Object.values(pkg.contributes.menus)) {
      for (const e of entries) {
        assert.ok(declared.has(e.command), `${e.command} declared`);
        assert.ok(table.includes(`'${e.command}'`), `${e.command} in the command table`);
      }
    }
  });

  it('nodes: role and availability actions where they apply', () => {
    const base = ['swarm.node.addLabel', 'swarm.node.copyId', 'swarm.node.inspect', 'swarm.node.remove', 'swarm.node.removeLabel'];
    assert.deepEqual(shown(nodeContext(node({}))), [...base, 'swarm.node.drain', 'swarm.node.pause', 'swarm.node.promote'].sort());
    const leader = node({ role: 'manager', managerStatus: { leader: true, reachability: 'reachable', addr: '' }, availability: 'drain' });
    assert.deepEqual(shown(nodeContext(leader)), [...base, 'swarm.node.activate', 'swarm.node.demote'].sort());
    assert.deepEqual(shown(nodeContext(node({ availability: 'pause' }))), [...base, 'swarm.node.activate', 'swarm.node.drain', 'swarm.node.promote'].sort());
    assert.deepEqual(shown(nodeContext(node({})), true), ['swarm.node.drain']);
    assert.deepEqual(shown(nodeContext(node({ availability: 'drain' })), true), ['swarm.node.activate']);
  });

  it('services: scale only for replicated ones (not jobs), rollback only with a previous spec', () => {
    const always = ['swarm.service.copyId', 'swarm.service.editSpec', 'swarm.service.forceRestart', 'swarm.service.inspect', 'swarm.service.logs',
      'swarm.service.remove', 'swarm.service.updateImage'];
    assert.deepEqual(shown(serviceContext(service({}))), [...always, 'swarm.service.scale'].sort());
    assert.deepEqual(shown(serviceContext(service({ mode: { kind: 'global' }, hasPreviousSpec: true }))), [...always, 'swarm.service.rollback'].sort());
    assert.deepEqual(shown(serviceContext(service({ mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 1 } }))), always);
    assert.deepEqual(shown(serviceContext(service({})), true), ['swarm.service.editSpec', 'swarm.service.logs', 'swarm.service.scale']);
    assert.deepEqual(shown(groupContext('services'), true), ['swarm.service.create']);
    assert.deepEqual(shown(groupContext('nodes')), []);
  });
});
