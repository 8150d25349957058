import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApp, createApp } from '../../apps/api/src/create-app';
import { Clock } from '@suyuan/platform/commands/clock';
import { loadConfig } from '@suyuan/platform/config';

export const ADMIN_KEY = 'e2e-admin-key-0123456789';

export interface TestApp {
  running: RunningApp;
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The whole system on a fresh embedded store, listening on a free loopback port; on `dataDir`
 * when given (a restart), which `close` then leaves in place.
 */
export async function startTestApp(
  options: { clock?: Clock; projector?: 'inline' | 'worker'; dataDir?: string; trustProxy?: string } = {},
): Promise<TestApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'suyuan-e2e-'));
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: baseUrl,
    SUYUAN_ADMIN_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
    PROJECTOR: options.projector,
    // The tests' phones are told apart by X-Forwarded-For, as behind one proxy.
    TRUST_PROXY: options.trustProxy ?? '1',
  });
  const running = await createApp(config, { clock: options.clock });
  await running.app.listen({ port, host: '127.0.0.1' });
  return {
    running,
    baseUrl,
    dataDir,
    async close() {
      await running.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
