import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each start compiles the server from its sources first.
jest.setTimeout(90_000);

const ROOT = join(__dirname, '..');
const mode = (path: string) => statSync(path).mode & 0o777;

/** `npm start`'s program on `dataDir`, until it says it is listening; `stop` ends it as an operator would. */
async function startServer(dataDir: string, projector: 'inline' | 'worker'): Promise<{ stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SUYUAN_ADMIN_KEY: '',
      PROJECTOR: projector,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('the data directory is the server user’s alone', () => {
  const parent = mkdtempSync(join(tmpdir(), 'suyuan-modes-'));
  const dataDir = join(parent, 'data');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('creates DATA_DIR 0700 with the databases, their companions and the administrator key 0600, and tightens what an earlier start left open', async () => {
    const at = (...names: string[]) => names.map((name) => join(dataDir, name));
    const expectPrivate = (files: string[]) => {
      expect(mode(dataDir)).toBe(0o700);
      for (const file of files) expect([file, mode(file)]).toEqual([file, 0o600]);
    };
    // WAL mode: the write-ahead logs exist while the server runs, made with their database's mode.
    let server = await startServer(dataDir, 'inline');
    expectPrivate(at('suyuan.db', 'suyuan.db-wal', 'admin.key', 'personal-keys.sqlite'));
    await server.stop();

    chmodSync(dataDir, 0o755);
    for (const file of at('suyuan.db', 'admin.key', 'personal-keys.sqlite')) chmodSync(file, 0o644);
    server = await startServer(dataDir, 'worker');
    expectPrivate(
      at(
        'suyuan.db',
        'suyuan.db-wal',
        'admin.key',
        'personal-keys.sqlite',
        'suyuan.worker.db',
        'suyuan.worker.db-wal',
        'suyuan.worker.db-shm',
      ),
    );
    await server.stop();

    for (const file of at('suyuan.db', 'suyuan.worker.db')) chmodSync(file, 0o644);
    server = await startServer(dataDir, 'inline');
    expectPrivate(at('suyuan.db', 'suyuan.worker.db'));
    await server.stop();
  });
});
