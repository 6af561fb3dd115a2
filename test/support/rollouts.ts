// Loads a rollout sequence captured by scripts/capture-rollouts.ts: the docker CLI runs that drove it
// (the oracle) and each observation mapped to the cluster model, as the store would hold it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAPPERS } from '../../src/docker/mappers';
import type { Service, SwarmNode, Task } from '../../src/domain/model';

/** A docker CLI command the capture ran; `start`/`end` in epoch ms, on the observations' clock. */
export interface CliRun {
  readonly args: readonly string[]; readonly exitCode: number; readonly stdout: string; readonly stderr: string;
  readonly start: number; readonly end: number;
}

export interface Observation {
  /** ms since the capture started */
  readonly t: number;
  /** epoch ms (the capture's clock, the engine's too: the lab runs on the same machine) */
  readonly now: number;
  /** undefined once the service is gone */
  readonly service: Service | undefined;
  readonly tasks: readonly Task[];
  readonly nodes: readonly SwarmNode[];
}

export interface RolloutSequence {
  readonly scenario: string;
  readonly description: string;
  readonly cli: readonly CliRun[];
  readonly observations: readonly Observation[];
}

interface Stored {
  scenario: string; description: string; t0: number; cli: CliRun[]; objects: unknown[];
  observations: { t: number; service: number | null; tasks: number[]; nodes: number[] }[];
}

export const ROLLOUT_SCENARIOS = ['clean-update', 'start-first', 'failing-rollback', 'paused', 'scale-up', 'scale-down', 'global-node-down'] as const;
export type RolloutScenario = typeof ROLLOUT_SCENARIOS[number];

export function rolloutSequence(name: RolloutScenario): RolloutSequence {
  const file = path.join(__dirname, '..', 'fixtures', 'rollouts', `${name}.json`);
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
  const o = stored.objects;
  return {
    scenario: stored.scenario,
    description: stored.description,
    cli: stored.cli,
    observations: stored.observations.map((x) => ({
      t: x.t,
      now: stored.t0 + x.t,
      service: x.service === null ? undefined : MAPPERS.service(o[x.service]),
      tasks: x.tasks.map((i) => MAPPERS.task(o[i])),
      nodes: x.nodes.map((i) => MAPPERS.node(o[i])),
    })),
  };
}

/** The last "N out of M tasks" the docker CLI printed (its verdict on the overall progress). */
export function cliOverall(run: CliRun): { done: number; target: number; rollback: boolean } | undefined {
  const all = [...run.stdout.matchAll(/^overall progress: (rolling back update: )?(\d+) out of (\d+) tasks$/gm)];
  const last = all[all.length - 1];
  return last ? { done: Number(last[2]), target: Number(last[3]), rollback: last[1] !== undefined } : undefined;
}
