import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/create-app';
import { loadConfig } from '../libs/platform/src/config';
import { serveOverIpc } from './ipc-server';

/** The system under test: the whole app on a fresh embedded store in a temp dir, logging off. */
async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-bench-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'https://suyuan.example.cn',
    SUYUAN_ADMIN_KEY: process.env.SUYUAN_ADMIN_KEY,
    LOG_LEVEL: process.env.BENCH_APP_LOG ?? 'silent',
  });
  const running = await createApp(config);
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = running.app.getHttpServer().address() as AddressInfo;
  serveOverIpc(port, async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
