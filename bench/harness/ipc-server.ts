import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

export interface ServerMemory {
  rss: number;
  peakRss: number;
  heapUsed: number;
  external: number;
}

/**
 * Real scan answers, captured before the load: a baseline cycles through them, so that it
 * sends the app's mix of sizes (journeys with and without a cold chain differ 2–3×) while
 * doing no work per request.
 */
export interface FixedBodies {
  json: string[];
  html: string[];
}

/** The fixed bodies a baseline server answers with, sent by the parent before it starts. */
export function receiveBodies(): Promise<FixedBodies> {
  return new Promise((resolve) => process.once('message', (message: FixedBodies) => resolve(message)));
}

/** Child side of the parent's protocol: announce the port, answer memory queries, stop on request or orphaning. */
export function serveOverIpc(port: number, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message: { type: string; file?: string; collect?: boolean }) => {
    if (message.type === 'memory') process.send!({ type: 'memory', memory: memory(message.collect) });
    if (message.type === 'cpu') process.send!({ type: 'cpu', micros: cpuMicros() });
    if (message.type === 'profile') void profile(message.file).then(() => process.send!({ type: 'profiled' }));
    if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send!({ type: 'ready', port });
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function memory(collect = false): ServerMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, peakRss: peakRss() ?? rss, heapUsed, external };
}

/** VmHWM: the highest RSS the process reached, so a spike during the load is not missed (Linux). */
function peakRss(): number | undefined {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return hwm ? Number(hwm[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

let session: Session | undefined;

/** Starts the CPU profiler, or with a file stops it and writes the profile there (Chrome DevTools format). */
async function profile(file: string | undefined): Promise<void> {
  const post = (method: string) =>
    new Promise<any>((resolve, reject) => session!.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  if (!file) {
    session = new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    return;
  }
  const { profile } = await post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session!.disconnect();
  session = undefined;
}
