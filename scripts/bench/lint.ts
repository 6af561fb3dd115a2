// Benchmark: keystroke → diagnostics in the editor's path, in-process and warm: each keystroke is a new
// document version, read once (src/stack/document.ts) and linted, as the extension does after its
// debounce. Typing is simulated as in VS Code (quotes and brackets closed as they open), on generated
// stack files of ~500 and ~5,000 lines. Prints figures; asserts nothing.   npx tsx scripts/bench/lint.ts
import { performance } from 'node:perf_hooks';
import { readStack } from '../../src/stack/document';
import { lintDocument } from '../../src/stackLint';

function service(i: number): string {
  return `  svc${i}:
    image: registry.example.com/team/svc${i}:1.${i % 10}.0
    command: ["./run", "--port", "8080", "--id", "${i}"]
    environment:
      LOG_LEVEL: info
      UPSTREAM: svc${(i + 1) % 250}:8080
    networks:
      - backend
    deploy:
      replicas: ${1 + (i % 3)}
      update_config:
        parallelism: 1
        delay: 10s
      resources:
        limits: {cpus: "0.5", memory: 256M}
      placement:
        constraints: [node.role == worker, node.labels.zone == eu]
    healthcheck:
      test: ["CMD", "wget", "-q", "-O-", "localhost:8080/health"]
      interval: 10s
`;
}

export function stackFile(services: number): string {
  const body = Array.from({ length: services }, (_, i) => service(i)).join('');
  return `version: "3.8"\nservices:\n${body}networks:\n  backend:\n    driver: overlay\n`;
}

const CLOSE: Readonly<Record<string, string>> = { '"': '"', '[': ']', '{': '}' };

/**
 * The texts after each keystroke of typing `typed` at the end of the line holding `at`: Enter (with the
 * line's indentation, as the editor keeps it) first, then each character, closing quotes and brackets.
 */
function typing(base: string, at: number, typed: string): string[] {
  const out: string[] = [];
  const eol = base.indexOf('\n', at);
  const indent = /^ */.exec(base.slice(base.lastIndexOf('\n', at - 1) + 1))?.[0] ?? '';
  const pos = eol < 0 ? base.length : eol;
  let inserted = `\n${indent}`;
  out.push(base.slice(0, pos) + inserted + base.slice(pos));
  let pending = '';
  for (const ch of typed) {
    if (pending.startsWith(ch)) pending = pending.slice(1); // typing over the closing character
    else { pending = (CLOSE[ch] ?? '') + pending; }
    inserted += ch;
    out.push(base.slice(0, pos) + inserted + pending + base.slice(pos));
  }
  return out;
}

/** The texts while replacing the value that ends the line holding `at` by `typed`, one character at a time. */
function retyping(base: string, at: number, typed: string): string[] {
  const eol = base.indexOf('\n', at);
  const start = base.lastIndexOf(' ', eol) + 1;
  const out = [base.slice(0, start) + base.slice(eol)];
  for (let i = 1; i <= typed.length; i++) out.push(base.slice(0, start) + typed.slice(0, i) + base.slice(eol));
  return out;
}

/** Edits in the middle of the file: a new variable, a changed replica count, a new deploy key. */
export function keystrokes(text: string): string[] {
  const mid = text.indexOf('  svc' + Math.floor(text.split('  svc').length / 2) + ':');
  return [
    ...typing(text, text.indexOf('      LOG_LEVEL: info', mid), 'NEW_VAR: "some value"'),
    ...retyping(text, text.indexOf('      replicas: ', mid), '12'),
    ...typing(text, text.indexOf('        delay: 10s', mid), 'order: start-first'),
    ...typing(text, text.indexOf('      replicas: ', mid), 'endpoint_mode: dnsrr'),
  ];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function bench(services: number): void {
  const text = stackFile(services);
  const context = { env: {}, cluster: { networks: ['backend'], secrets: [], configs: [], nodeLabels: [{ zone: 'eu' }] } };
  const versions = keystrokes(text);
  const run = (t: string) => lintDocument(readStack(t, context.env), context);
  for (let i = 0; i < 3; i++) for (const t of versions) run(t); // warm
  const times: number[] = [];
  let broken = 0;
  for (let round = 0; round < 5; round++) {
    for (const t of versions) {
      const t0 = performance.now();
      const found = run(t);
      times.push(performance.now() - t0);
      if (round === 0 && found.some((d) => d.code === 'yaml-syntax')) broken++;
    }
  }
  times.sort((a, b) => a - b);
  console.log(`${text.split('\n').length} lines, ${versions.length} keystrokes (${broken} leave a YAML error while typing): `
    + `p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${percentile(times, 1).toFixed(1)} ms`);
}

function main(): void {
  console.log('keystroke → diagnostics, in-process, warm (without the debounce):');
  bench(25);
  bench(250);
}

if (require.main === module) main();
