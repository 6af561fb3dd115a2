// The words of each connection state, as the view and the status bar show them.
import assert from 'node:assert/strict';
import { classifyError, leaderLost } from '../../src/domain/errors';
import { toSwarmInfo } from '../../src/docker/mappers';
import type { ConnectionState } from '../../src/store/types';
import { describeConnection, shortEndpoint } from '../../src/ui/connectionText';
import { fixture } from '../support/fixtures';

const EP = 'unix:///run/swarm-lab/x/node1.sock';
const info = toSwarmInfo(fixture('info-manager.json'));
const facts = { endpoint: EP, label: 'x/node1', nodes: 3, stuck: [] };
const T = 1_800_000_000_000;

describe('describeConnection', () => {
  it('live: nodes and managers, no message', () => {
    const t = describeConnection({ status: 'live', info }, facts, T);
    assert.equal(t?.message, undefined);
    assert.equal(t?.status, '$(server-environment) x/node1: 3 nodes');
    assert.equal(t?.tone, 'normal');
  });

  it('live with the nodes known: ready/total, reachable/total managers, the health\'s findings in the tooltip', () => {
    const health = { level: 'warning' as const, nodesReady: 4, nodes: 5, managersReachable: 2, managers: 2, tolerance: '2 managers tolerate 0 failures',
      findings: ['2 managers is an even count: it tolerates no more failures than 1. Use 3 or 5.'] };
    const t = describeConnection({ status: 'live', info }, { ...facts, health }, T);
    assert.equal(t?.status, '$(warning) x/node1: 4/5 nodes · 2/2 managers');
    assert.equal(t?.tone, 'warning');
    assert.match(t?.tooltip ?? '', /2 managers tolerate 0 failures\.\n2 managers is an even count/);
    // The captured /info counts 1 manager; the node list (the health) counts 2, as after a promotion.
    assert.equal(info.managers, 1);
    assert.match(t?.tooltip ?? '', /^Swarm of 3 nodes \(2 managers\)/);
    const down = describeConnection({ status: 'live', info }, { ...facts, health: { ...health, level: 'error' as const } }, T);
    assert.equal(down?.tone, 'error');
    assert.match(down?.status ?? '', /^\$\(error\)/);
  });

  it('short endpoint names for the status bar', () => {
    assert.equal(shortEndpoint('unix:///var/run/docker.sock'), 'local');
    assert.equal(shortEndpoint('unix:///run/swarm-lab/demo/node1.sock'), 'demo/node1');
    assert.equal(shortEndpoint('tcp://10.0.0.5:2376 (TLS)'), '10.0.0.5');
    assert.equal(shortEndpoint('ssh://admin@manager1:22'), 'manager1');
  });

  it('live through another manager: says which is down and how to go back', () => {
    const t = describeConnection({ status: 'live', info, failover: { from: 'node1', to: 'node2', endpoint: 'unix:///n2.sock' } }, facts, T);
    assert.equal(t?.message, 'node1 is down; now through node2 (unix:///n2.sock). Run "Reconnect to Docker" to go back.');
    assert.match(t?.status ?? '', /via node2$/);
  });

  it('live with a stuck service: named with the scheduler\'s reason', () => {
    const t = describeConnection({ status: 'live', info }, { ...facts, stuck: [{ name: 'web', reason: 'pending: no suitable node (1 node not available)' }] }, T);
    assert.match(t?.tooltip ?? '', /web is not converging: pending: no suitable node/);
    assert.match(t?.status ?? '', /1 stuck/);
  });

  it('a lost leader reads "electing" with the time so far for 30 s, then as lost quorum', () => {
    const since = T - 12_400;
    const s: ConnectionState = { status: 'stale', error: leaderLost(EP, since, since), retryInMs: 500, since };
    const t = describeConnection(s, facts, T);
    assert.equal(t?.status, '$(sync~spin) swarm: electing a leader');
    assert.match(t?.message ?? '', /^The swarm is electing a leader \(12 s so far; asked unix:\/\/.*\)\. An election takes ~15 s/);
    const later = describeConnection(s, facts, since + 31_000);
    assert.equal(later?.status, '$(error) swarm: no leader');
    assert.match(later?.message ?? '', /does not have a leader.*more than half/);
  });

  it('disconnected: the reason, the hint, the retry and that the data is the last known', () => {
    const error = classifyError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), EP);
    const t = describeConnection({ status: 'stale', error, retryInMs: 4000, since: T }, facts, T, T + 4000);
    assert.match(t?.message ?? '', /^Disconnected from unix:.* is not reachable \(ECONNREFUSED\)\. Start Docker.* — retrying in 4s\. Showing last known state\.$/);
    const never = describeConnection({ status: 'stale', error, retryInMs: 4000, since: T }, { ...facts, nodes: 0 }, T, T);
    assert.match(never?.message ?? '', /^Cannot connect to .* retrying now\.$/);
  });
});
