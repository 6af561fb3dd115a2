// `swarm-lint [--json] [--cluster] FILE...`: argument parsing, pure.

export interface LintArgs {
  readonly json: boolean;
  readonly cluster: boolean;
  readonly files: readonly string[];
}

export const USAGE = `usage: swarm-lint [--json] [--cluster] FILE...
  Checks Docker stack files as "docker stack deploy" would judge them.
  --json     print one JSON array of {file, line, column, endLine, endColumn, severity, code, message}
  --cluster  also check against the swarm the extension would use (swarm.dockerHost is not read here:
             DOCKER_HOST, the current Docker context, then the default socket)
  exit: 0 no errors, 1 errors found, 2 usage or I/O error`;

export function parseArgs(argv: readonly string[]): LintArgs | { readonly error: string } {
  let json = false;
  let cluster = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const a of argv) {
    if (onlyFiles || !a.startsWith('-') || a === '-') files.push(a);
    else if (a === '--') onlyFiles = true;
    else if (a === '--json') json = true;
    else if (a === '--cluster') cluster = true;
    else if (a === '-h' || a === '--help') return { error: '' };
    else return { error: `unknown option ${a}` };
  }
  if (files.length === 0) return { error: 'no FILE given' };
  return { json, cluster, files };
}
