// The Engine's verdicts recorded in test/support/validationCases.ts (which the unit tests hold our
// input checks to), asked of the lab's Engine again: create each object, see whether it is refused.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { dockerFor } from '../support/engine';
import { labs, SMALL } from '../support/lab';
import { CONFIG_SIZES, NETWORK_NAMES, SECRET_OR_CONFIG_NAMES, SECRET_SIZES, type Case } from '../support/validationCases';

const data = (bytes: number) => Buffer.alloc(bytes, 'a').toString('base64');

/**
 * POST without dockerode's createSecret/createConfig: those put the whole spec, Data included, in
 * the query string as well as the body (a 1 MB config then fails with HTTP 431).
 */
function create(docker: Docker, kind: 'secrets' | 'configs', spec: object): Promise<{ remove(): Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path: `/${kind}/create`, method: 'POST', options: { _body: spec }, statusCodes: { 201: true, 400: 'bad parameter', 409: 'conflict', 500: 'server error' } },
      (err, answer) => {
        if (err) { reject(err); return; }
        const id = String((answer as { ID?: unknown }).ID);
        resolve(kind === 'secrets' ? docker.getSecret(id) : docker.getConfig(id));
      });
  });
}

async function accepted(create: () => Promise<{ remove(): Promise<unknown> }>): Promise<boolean> {
  try {
    const made = await create();
    await made.remove();
    return true;
  } catch (e) {
    // Only a refusal counts: the Engine answers 400 for invalid arguments.
    const status = (e as { statusCode?: number }).statusCode;
    if (status !== 400) throw e;
    return false;
  }
}

function mismatches<T>(cases: readonly Case<T>[], verdicts: readonly boolean[]): string[] {
  return cases.flatMap((c, i) => (verdicts[i] === c.ok ? [] : [`${String(c.value).slice(0, 30)}: recorded ${c.ok}, Engine ${verdicts[i]}`]));
}

describe('the Engine\'s verdicts on names and sizes', function () {
  let docker: Docker;
  before(function () { docker = dockerFor(labs.get(SMALL).host); });

  it('on secret and config names', async () => {
    const secrets = [];
    const configs = [];
    for (const c of SECRET_OR_CONFIG_NAMES) {
      secrets.push(await accepted(() => create(docker, 'secrets', { Name: c.value, Data: data(1) })));
      configs.push(await accepted(() => create(docker, 'configs', { Name: c.value, Data: data(1) })));
    }
    assert.deepEqual([...mismatches(SECRET_OR_CONFIG_NAMES, secrets), ...mismatches(SECRET_OR_CONFIG_NAMES, configs)], []);
  });

  it('on swarm network names', async () => {
    const verdicts = [];
    for (const c of NETWORK_NAMES) verdicts.push(await accepted(() => docker.createNetwork({ Name: c.value, Driver: 'overlay' })));
    assert.deepEqual(mismatches(NETWORK_NAMES, verdicts), []);
  });

  it('on secret and config sizes', async () => {
    const secrets = [];
    for (const c of SECRET_SIZES) {
      secrets.push(await accepted(() => create(docker, 'secrets', { Name: 'size-check', Data: data(c.value) })));
    }
    const configs = [];
    for (const c of CONFIG_SIZES) {
      configs.push(await accepted(() => create(docker, 'configs', { Name: 'size-check', Data: data(c.value) })));
    }
    assert.deepEqual([...mismatches(SECRET_SIZES, secrets), ...mismatches(CONFIG_SIZES, configs)], []);
  });
});
