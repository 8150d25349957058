import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApp, createApp } from '../../apps/api/src/create-app';
import { loadConfig } from '@suyuan/platform/config';
import { BENCH_ADMIN_KEY } from './children';

/**
 * The whole app from sources on a fresh store in a temporary directory, in the bench's own
 * process, listening on a free port of 127.0.0.1: `run` gets it and its base URL; the app is
 * closed and the directory removed after, whatever happens. `env`: more configuration.
 */
export async function withAppInProcess(
  name: string,
  run: (running: RunningApp, url: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `suyuan-bench-${name}-`));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const running = await createApp(config);
  try {
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    await run(running, `http://127.0.0.1:${port}`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
