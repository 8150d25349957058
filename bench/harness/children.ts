import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { FixedBodies, ServerMemory } from './ipc-server';

/** The administrator key of every app server a bench starts. */
export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789';

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** With `collect`, after a full garbage collection (servers started with `exposeGc`). */
  memory(collect?: boolean): Promise<ServerMemory>;
  /** CPU time the server process has used so far, in microseconds. */
  cpu(): Promise<number>;
  /** Without a file starts the CPU profiler; with one stops it and writes the profile. */
  profile(file?: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts one server script of this folder (serve-app.ts, serve-bare.ts, serve-nest.ts) in its
 * own process, so that it has a core to itself while the load generator runs in this one.
 * `wrapper` runs node under another program (e.g. `['valgrind', '--tool=callgrind']`), `cwd`
 * in another checkout.
 */
export async function startServer(
  name: string,
  script: string,
  options: { env?: Record<string, string>; bodies?: FixedBodies; exposeGc?: boolean; wrapper?: string[]; cwd?: string } = {},
): Promise<Server> {
  const node = ['-r', '@swc-node/register', ...(options.exposeGc ? ['--expose-gc'] : [])];
  const [wrapper, ...wrapperArgs] = options.wrapper ?? [];
  const child = fork(join(__dirname, script), [], {
    ...(wrapper ? { execPath: wrapper, execArgv: [...wrapperArgs, process.execPath, ...node] } : { execArgv: node }),
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (options.bodies) child.send(options.bodies);
  const { port } = await nextMessage<{ port: number }>(child, 'ready');
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async memory(collect = false) {
      child.send({ type: 'memory', collect });
      return (await nextMessage<{ memory: ServerMemory }>(child, 'memory')).memory;
    },
    async cpu() {
      child.send({ type: 'cpu' });
      return (await nextMessage<{ micros: number }>(child, 'cpu')).micros;
    },
    async profile(file?: string) {
      child.send({ type: 'profile', file });
      await nextMessage(child, 'profiled');
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code} before "${type}"`));
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message);
    };
    child.on('message', onMessage).once('exit', onExit);
  });
}
