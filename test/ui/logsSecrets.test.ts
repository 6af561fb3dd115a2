// Show Logs and Remove Secret from the tree's context menus in the real workbench, on the lab: the
// log view opens in an editor tab with the service's lines; removing a secret a service uses is
// refused with that service's name, and the Engine still has the secret.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { dockerFor, removeTestServices } from '../support/engine';
import { ui } from './hooks';

const LABEL = { 'swarm-operator.test': '1' };

describe('logs and secrets from the context menus', function () {
  let docker: Docker;
  let secretId = '';

  before(async () => {
    docker = dockerFor(ui().lab.host);
    await removeTestServices(docker);
    secretId = (await docker.createSecret({ Name: 'ui-token', Labels: LABEL, Data: Buffer.from('s3cret').toString('base64') })).id;
    await docker.createService({
      Name: 'ui-logs', Labels: LABEL, Mode: { Replicated: { Replicas: 2 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Init: true,
        Args: ['sh', '-c', 'echo "INFO started"; echo "WARN disk at 91%"; echo "ERROR upstream timeout" >&2; exec sleep 1000000'],
        Secrets: [{ SecretID: secretId, SecretName: 'ui-token', File: { Name: 'ui-token', UID: '0', GID: '0', Mode: 0o444 } }] } },
    });
  });

  after(async () => {
    if (!docker) return;
    await removeTestServices(docker);
    await new Promise((r) => setTimeout(r, 1_000));
    await docker.getSecret(secretId).remove().catch(() => undefined);
  });

  it('Show Logs on a service opens its log view, the lines prefixed as the docker CLI does', async () => {
    const { wb } = ui();
    await wb.openSwarmView();
    await wb.expand('Services');
    await wb.waitRowText('ui-logs', /ui-logs 2\/2/, 45_000);
    await wb.contextMenu('ui-logs', 'Show Logs');
    await wb.page.locator('.tab', { hasText: 'ui-logs.log' }).waitFor({ timeout: 30_000 });
    const line = wb.page.locator('.editor-instance .view-line', { hasText: 'ERROR upstream timeout' }).first();
    await line.waitFor({ timeout: 30_000 });
    // The editor renders spaces as no-break spaces.
    assert.match((await line.innerText()).replace(/\u00a0/g, ' '), /^ui-logs\.[12]\.\w{12}@node\d {4}\| ERROR upstream timeout$/);
    await wb.screenshot('service-logs');
  });

  it('Remove Secret on a secret a service uses is refused, naming the service; the Engine keeps it', async () => {
    const { wb } = ui();
    await wb.expand('Secrets');
    await wb.contextMenu('ui-token', 'Remove Secret');
    await wb.page.locator('.notification-toast', { hasText: /The secret ui-token is used by service: ui-logs/ }).waitFor({ timeout: 20_000 });
    await wb.page.waitForTimeout(500); // the toast slides in
    await wb.screenshot('secret-in-use');
    assert.ok(await docker.getSecret(secretId).inspect(), 'the secret is still there');
  });
});
