// The docker CLI's configuration folder and the JSON files in it, read through the injected ResolveInput.
import * as nodePath from 'node:path';
import { EndpointError, type EndpointSource, type ResolveInput } from './endpointTypes';

export function join(input: ResolveInput, ...parts: string[]): string {
  return (input.platform === 'win32' ? nodePath.win32 : nodePath.posix).join(...parts);
}

/** DOCKER_CONFIG, or ~/.docker (cli/config.Dir). */
export function configDir(input: ResolveInput): string {
  return input.env.DOCKER_CONFIG || join(input, input.homedir, '.docker');
}

/** `value[key]` when value is a plain object. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

export function parseJson(text: string, file: string, what: string, source: EndpointSource): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new EndpointError(`${what} ${file} is not valid JSON (${why}). Fix or remove the file.`, source);
  }
}
