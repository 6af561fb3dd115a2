// OpenSSH's pattern lists (ssh_config(5) PATTERNS): `*` and `?` wildcards, `!` negation; a negated
// pattern that matches rules the name out whatever else matches (match_pattern_list).

export function wildcard(pattern: string, flags = 'i'): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags);
}

export function matchPatternList(patterns: readonly string[], name: string): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) { if (wildcard(p.slice(1)).test(name)) return false; } else if (wildcard(p).test(name)) matched = true;
  }
  return matched;
}
