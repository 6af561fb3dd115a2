// The real file system behind the SSH policy: reads ~/.ssh and /etc/ssh, appends to known_hosts with
// the modes ssh uses (folder 0700, file 0600).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { SshFiles } from './hostKeyPolicy';

const readOrUndefined = (path: string): Buffer | undefined => {
  try { return fs.readFileSync(path); } catch { return undefined; }
};

export function nodeSshFiles(homedir: string): SshFiles & { readKey(path: string): Buffer | undefined } {
  return {
    homedir,
    read: (path) => readOrUndefined(path)?.toString('utf8'),
    readKey: readOrUndefined,
    list: (dir) => { try { return fs.readdirSync(dir); } catch { return []; } },
    append(path, line) {
      fs.mkdirSync(nodePath.dirname(path), { recursive: true, mode: 0o700 });
      const text = readOrUndefined(path)?.toString('utf8') ?? '';
      fs.appendFileSync(path, `${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`, { mode: 0o600 });
    },
  };
}
