import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { readModelSchema } from '../../apps/api/src/read-models';
import { loadConfig } from '@suyuan/platform/config';
import { serveOverIpc } from './ipc-server';

/**
 * BENCH_READ_MODELS=no-compliance: the same app without the standards and compliance
 * projections, the baseline that prices what judging batches as events arrive costs.
 */
const COMPLIANCE_PROJECTIONS = ['standards', 'compliance'];
const readModels =
  process.env.BENCH_READ_MODELS === 'no-compliance'
    ? {
        ...readModelSchema,
        projections: readModelSchema.projections.filter((p) => !COMPLIANCE_PROJECTIONS.includes(p.name)),
        offThread: undefined,
      }
    : readModelSchema;

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
    PROJECTOR: process.env.BENCH_PROJECTOR,
  });
  const running = await createApp(config, { readModels });
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
