// A shell in a container over the exec API, as `docker exec -it` does it: create the exec with a TTY
// (`POST /containers/{id}/exec`), start it hijacked (`POST /exec/{id}/start`: the HTTP connection
// becomes the terminal's raw byte stream both ways), resize it with the terminal
// (`POST /exec/{id}/resize`), and read its exit code when the stream ends (`GET /exec/{id}/json`).
// Each of those calls has the adapter's deadline; the attached stream lives as long as the terminal.
import type Docker from 'dockerode';
import type { ShellHandlers, ShellSession, ShellStreams } from '../operations/streams';
import type { DockerSwarmApi } from './dockerSwarmApi';
import { num, obj } from './mappers/json';

interface Duplex {
  write(data: string): unknown;
  end(): unknown;
  destroy(): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export class DockerShellStreams implements ShellStreams {
  constructor(private readonly api: DockerSwarmApi) {}

  async openShell(containerId: string, command: readonly string[], size: { readonly columns: number; readonly rows: number },
    handlers: ShellHandlers, signal?: AbortSignal): Promise<ShellSession> {
    const exec = await this.api.call('POST /containers/{id}/exec', (abortSignal) => this.api.docker.getContainer(containerId).exec({
      Cmd: [...command], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true,
      Env: ['TERM=xterm-256color'], abortSignal,
    }), signal);
    const stream = await this.api.call('POST /exec/{id}/start',
      (abortSignal) => exec.start({ hijack: true, stdin: true, Tty: true, abortSignal }) as Promise<unknown>, signal) as Duplex;
    return this.attach(exec, stream, size, handlers);
  }

  private attach(exec: Docker.Exec, stream: Duplex, size: { columns: number; rows: number }, handlers: ShellHandlers): ShellSession {
    let open = true;
    const resize = (columns: number, rows: number): Promise<void> =>
      this.api.call('POST /exec/{id}/resize', (abortSignal) => exec.resize({ h: rows, w: columns, abortSignal }) as Promise<unknown>).then(() => undefined);
    const finish = (error?: Error): void => {
      if (!open) return;
      open = false;
      this.api.call('GET /exec/{id}/json', (abortSignal) => exec.inspect({ abortSignal }) as Promise<unknown>)
        .then((info) => handlers.onExit(obj(info)['Running'] === true ? undefined : num(obj(info)['ExitCode']), error))
        .catch(() => handlers.onExit(undefined, error));
    };
    stream.on('data', (chunk) => { if (open) handlers.onData(chunk); });
    stream.on('error', (err) => finish(err));
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    // The exec starts at 80x24; the terminal's size follows at once.
    void resize(size.columns, size.rows).catch(() => undefined);
    return {
      write: (data) => { if (open) stream.write(data); },
      resize,
      close: () => { if (open) { stream.end(); stream.destroy(); } },
    };
  }
}
