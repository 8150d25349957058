import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { createApp as CreateApp } from '../../apps/api/src/create-app';
import type { readModelSchema as ReadModelSchema } from '../../apps/api/src/read-models';
import type { loadConfig as LoadConfig } from '@suyuan/platform/config';
import { serveOverIpc } from './ipc-server';

/**
 * BENCH_READ_MODELS=no-compliance: the same app without the standards and compliance
 * projections, the baseline that prices what judging batches as events arrive costs.
 */
const COMPLIANCE_PROJECTIONS = ['standards', 'compliance'];

/**
 * The system under test: the whole app on a fresh embedded store in a temp dir, logging off.
 * BENCH_APP_ROOT runs another checkout's sources (an older commit's, say) with this harness:
 * they are loaded by path, and the process starts in that checkout so its tsconfig resolves them.
 */
async function main() {
  const root = process.env.BENCH_APP_ROOT ?? join(__dirname, '..', '..');
  const { createApp }: { createApp: typeof CreateApp } = await import(join(root, 'apps/api/src/create-app'));
  const { readModelSchema }: { readModelSchema: typeof ReadModelSchema } = await import(join(root, 'apps/api/src/read-models'));
  const { loadConfig }: { loadConfig: typeof LoadConfig } = await import(join(root, 'libs/platform/src/config'));
  const readModels =
    process.env.BENCH_READ_MODELS === 'no-compliance'
      ? {
          ...readModelSchema,
          projections: readModelSchema.projections.filter((p) => !COMPLIANCE_PROJECTIONS.includes(p.name)),
          offThread: undefined,
        }
      : readModelSchema;
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-bench-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'https://suyuan.example.cn',
    SUYUAN_ADMIN_KEY: process.env.SUYUAN_ADMIN_KEY,
    LOG_LEVEL: process.env.BENCH_APP_LOG ?? 'silent',
    PROJECTOR: process.env.BENCH_PROJECTOR,
    SCAN_CACHE_MB: process.env.SCAN_CACHE_MB,
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
