// Benchmark: the stack linter on a realistic 5,000-line stack file generated in memory.
// Prints figures; asserts nothing (timings are noisy).   npx tsx scripts/bench/lint.ts [SERVICES]
import { performance } from 'node:perf_hooks';
import { lintStack } from '../../src/stackLint';
import { parseYaml } from '../../src/yamlAst';

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function main(): void {
  const text = stackFile(Number(process.argv[2] ?? 250));
  const lines = text.split('\n').length;
  const context = { env: {}, cluster: { networks: ['backend'], secrets: [], configs: [], nodeLabels: [{ zone: 'eu' }] } };
  const firstLint = time(() => lintStack(text, context));
  const firstParse = time(() => parseYaml(text));
  const lint: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < 20; i++) {
    lint.push(time(() => lintStack(text, context)));
    parse.push(time(() => parseYaml(text)));
  }
  const diagnostics = lintStack(text, context).length;
  console.log(`stack file: ${lines} lines, ${text.length} chars, ${diagnostics} diagnostics`);
  console.log(`lintStack  first ${firstLint.toFixed(1)} ms, warm median ${median(lint).toFixed(1)} ms (20 runs)`);
  console.log(`parseYaml  first ${firstParse.toFixed(1)} ms (after lintStack), warm median ${median(parse).toFixed(1)} ms (20 runs)`);
}

if (require.main === module) main();
