import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, privateDirectory, privateFile } from '@suyuan/platform';
import { createApp } from './create-app';

/**
 * Runs everything in one process on the embedded store. Without SUYUAN_ADMIN_KEY a key
 * is generated once into DATA_DIR/admin.key, so a fresh clone needs no setup. DATA_DIR
 * and what it holds are the server user's alone (0700, files 0600).
 */
async function main() {
  const config = loadConfig();
  privateDirectory(config.dataDir);
  if (!config.adminKey) config.adminKey = adminKeyFile(join(config.dataDir, 'admin.key'));
  const { app } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`Suyuan listening on ${url} (data in ${config.dataDir}); API docs at ${url}/api/docs`);
  if (!process.env.SUYUAN_ADMIN_KEY) console.log(`Administrator key in ${join(config.dataDir, 'admin.key')}`);
}

function adminKeyFile(file: string): string {
  if (existsSync(file)) {
    privateFile(file);
    return readFileSync(file, 'utf8').trim();
  }
  const key = `sy_admin_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
