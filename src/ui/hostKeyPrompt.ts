// The editor's answer to an unknown ssh host: ssh's own question, as a modal dialog. The checking
// and the known_hosts update are in src/docker/ssh (pure of vscode); this only asks.
import * as vscode from 'vscode';
import type { UnknownHost } from '../docker/ssh/hostKeyPolicy';

export async function askToTrustHost(host: UnknownHost): Promise<boolean> {
  const other = host.otherTypes.length > 0
    ? `\nThis host is known by other key types (${host.otherTypes.join(', ')}), not by this one.` : '';
  const choice = await vscode.window.showWarningMessage(
    `The authenticity of host '${host.token}' can't be established.`,
    { modal: true, detail: `${host.keyType} key fingerprint is ${host.fingerprint}.${other}\n\n`
      + `Check it with the host's administrator. Trusting it adds it to ${host.knownHostsFile}, as ssh does.` },
    'Trust and Connect');
  return choice === 'Trust and Connect';
}
