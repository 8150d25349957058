import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { World } from './world';
import { lifecycle } from './lifecycle';

export interface LifecycleRun {
  lifecyclesPerSecond: number;
  requestsPerSecond: number;
  lifecycles: number;
  /** Lifecycles cut short by a non-2xx answer or a connection error: any of them voids the figure. */
  failures: number;
  firstError?: string;
}

/**
 * `clients` cooperatives' worth of batches recorded at once, each client running whole
 * lifecycles back to back until `seconds` have passed; the lifecycles in flight then finish
 * and count. `next` hands out batch numbers and their harvest times, so that a server's runs
 * continue one county's history rather than repeat it.
 */
export async function lifecycleLoad(
  api: ApiClient,
  w: World,
  clients: number,
  seconds: number,
  next: () => { n: number; t0: number },
): Promise<LifecycleRun> {
  let lifecycles = 0;
  let requests = 0;
  let failures = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const { n, t0 } = next();
      try {
        const sent = await lifecycle(api, w, n, t0);
        requests += sent;
        lifecycles++;
      } catch (error) {
        failures++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  return { lifecyclesPerSecond: lifecycles / elapsed, requestsPerSecond: requests / elapsed, lifecycles, failures, firstError };
}
