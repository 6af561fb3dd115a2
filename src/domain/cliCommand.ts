// The docker CLI command that does what an action does, as a line a user can copy into a POSIX
// shell: arguments that need it are single-quoted. Pure.

const PLAIN = /^[A-Za-z0-9_./:=@%+,-]+$/;

export function shellQuote(arg: string): string {
  if (PLAIN.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `docker node update --availability drain node3`. Empty or undefined arguments are left out. */
export function dockerCommand(...args: readonly (string | undefined | false)[]): string {
  return ['docker', ...args.filter((a): a is string => typeof a === 'string' && a !== '')].map(shellQuote).join(' ');
}
