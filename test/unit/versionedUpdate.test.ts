// The retry of a one-change update on "update out of sequence": the error as docker-modem builds it
// from the Engine's answer (HTTP 500, `{"message":"rpc error: code = Unknown desc = update out of
// sequence"}`, see shared engine-api-facts; provoked for real in test/integration/operations*.ts).
import assert from 'node:assert/strict';
import { OperationError } from '../../src/operations/operation';
import type { ActionLog, Versioned } from '../../src/operations/ports';
import { applyChange, type VersionedObject } from '../../src/operations/versionedUpdate';

function outOfSequence(): Error {
  return Object.assign(new Error('(HTTP code 500) server error - rpc error: code = Unknown desc = update out of sequence '),
    { statusCode: 500, json: { message: 'rpc error: code = Unknown desc = update out of sequence' } });
}

const log = (): ActionLog & { notes: string[] } => {
  const notes: string[] = [];
  return { notes, cli: () => undefined, engine: () => undefined, note: (m) => notes.push(m) };
};

/** An object whose version moves on each write; `conflicts` writes fail as if someone changed it first. */
function object(conflicts: number): VersionedObject<{ replicas: number; other: string }> & { writes: Versioned<{ replicas: number; other: string }>[] } {
  let current: Versioned<{ replicas: number; other: string }> = { version: 10, spec: { replicas: 1, other: 'a' } };
  const writes: Versioned<{ replicas: number; other: string }>[] = [];
  return {
    what: 'service web',
    writes,
    read: async () => current,
    write: async (version, spec) => {
      writes.push({ version, spec });
      if (conflicts > 0) {
        conflicts--;
        // Someone else's change lands first.
        current = { version: current.version + 1, spec: { ...current.spec, other: `changed ${current.version}` } };
        throw outOfSequence();
      }
      current = { version: current.version + 1, spec };
    },
  };
}

describe('applyChange', () => {
  it('sends the version it read', async () => {
    const o = object(0);
    const r = await applyChange(o, (s) => ({ ...s, replicas: 3 }), log());
    assert.deepEqual(o.writes, [{ version: 10, spec: { replicas: 3, other: 'a' } }]);
    assert.equal(r.retried, false);
  });

  it('on out of sequence re-reads and applies the same change to the fresh spec, once', async () => {
    const o = object(1);
    const l = log();
    const r = await applyChange(o, (s) => ({ ...s, replicas: 3 }), l);
    assert.equal(r.retried, true);
    assert.deepEqual(o.writes[1], { version: 11, spec: { replicas: 3, other: 'changed 10' } }, 'the concurrent change is kept');
    assert.match(l.notes[0] ?? '', /service web changed since version 10/);
  });

  it('a second conflict is reported, not retried again', async () => {
    const o = object(2);
    await assert.rejects(applyChange(o, (s) => ({ ...s, replicas: 3 }), log()), (e: unknown) =>
      e instanceof OperationError && /changed twice/.test(e.message));
    assert.equal(o.writes.length, 2);
  });

  it('other errors are not retried', async () => {
    const o = object(0);
    o.write = async () => { throw Object.assign(new Error('x'), { json: { message: 'rpc error: code = Unknown desc = attempting to demote the last manager of the swarm' } }); };
    await assert.rejects(applyChange(o, (s) => s, log()), /x/);
  });
});
