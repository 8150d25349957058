import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash } from '@suyuan/eventstore';
import { ApiClient, Call } from '../apps/cli/src/world';
import { expectOk, Org, registerCountyOrg } from './support/fixtures';
import { harvestedBatch, SmallWorld, smallWorld } from './support/small-world';
import { startTestApp, TestApp } from './support/test-app';

type Row = { position: number; id: string; revision: number; data: string; hash: string };

/** The real script, as an auditor runs it. */
function auditVerify(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify', '--', ...args], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATA_DIR: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('tamper evidence', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let batchStream: string;
  let checkpointFile: string;
  const scratch = mkdtempSync(join(tmpdir(), 'suyuan-audit-'));
  const dataDir = join(scratch, 'data');

  beforeAll(async () => {
    app = await startTestApp({ dataDir });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    batchStream = `batch-${await harvestedBatch(call, w)}`;
    await harvestedBatch(call, w, 300);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe('through the API', () => {
    it('publishes the signing key to anyone', async () => {
      const { status, body } = await call('GET', '/api/audit/public-key');

      expect(status).toBe(200);
      expect(body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/), retired: [] });
      expect(body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    });

    it('refuses checkpoints and verdicts to anyone but a regulator or the administrator', async () => {
      for (const [method, path] of [
        ['GET', '/api/audit/checkpoints'],
        ['POST', '/api/audit/checkpoints'],
        ['GET', `/api/audit/verify?stream=${batchStream}`],
      ] as const) {
        const { status, body } = await call(method, path, { key: w.coop.key });
        expect({ path, status, code: body.code }).toEqual({ path, status: 403, code: 'role_not_allowed' });
        expect(body.message).toContain('regulator');
      }
    });

    it('signs a checkpoint on demand, once for one state of the history', async () => {
      const first = await expectOk(call('POST', '/api/audit/checkpoints', { key: regulator.key }));
      const again = await expectOk(call('POST', '/api/audit/checkpoints', { key: regulator.key }));
      const latest = await expectOk(call('GET', '/api/audit/checkpoints/latest', { key: regulator.key }));

      expect(first.created).toBe(true);
      expect(first.checkpoint).toMatchObject({ streams: expect.any(Number), root: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(again).toEqual({ checkpoint: first.checkpoint, created: false });
      expect(latest).toEqual(first.checkpoint);
      checkpointFile = join(scratch, 'checkpoint.json');
      writeFileSync(checkpointFile, JSON.stringify(latest));
    });

    it("gives a regulator a stream's verdict: its chain recomputed and its head proved in the signed root", async () => {
      const verdict = await expectOk(call('GET', `/api/audit/verify?stream=${batchStream}`, { key: regulator.key }));

      expect(verdict).toMatchObject({
        streamId: batchStream,
        ok: true,
        checkpoint: { signatureValid: true, covered: true, included: true },
      });
      expect(verdict.eventsChecked).toBeGreaterThanOrEqual(3);
      expect(verdict.checkpoint.leaf).toEqual({ streamId: batchStream, revision: verdict.head.revision, hash: verdict.head.hash });
    });

    it('names what is wrong with a verify request', async () => {
      const missing = await call('GET', '/api/audit/verify?stream=batch-nope', { key: regulator.key });
      const unnamed = await call('GET', '/api/audit/verify', { key: regulator.key });

      expect([missing.status, missing.body.code]).toEqual([404, 'stream_not_found']);
      expect([unnamed.status, unnamed.body.code]).toEqual([400, 'invalid_query']);
    });
  });

  describe('npm run audit:verify over the data directory', () => {
    let copies = 0;
    /** A copy of the stopped server's data directory, tampered with by `edit` straight in SQLite. */
    function tampered(edit: (db: Database.Database) => void): string {
      const copy = join(scratch, `copy-${++copies}`);
      cpSync(dataDir, copy, { recursive: true });
      const db = new Database(join(copy, 'suyuan.db'));
      try {
        edit(db);
      } finally {
        db.close();
      }
      return copy;
    }
    const row = (db: Database.Database, revision: number) =>
      db
        .prepare('SELECT position, id, revision, data, hash FROM events WHERE stream_id = ? AND revision = ?')
        .get(batchStream, revision) as Row;

    beforeAll(async () => {
      await app.close();
    });

    it('passes the untouched store, saying how many events it checked', async () => {
      const { code, output } = await auditVerify('--data-dir', dataDir, '--checkpoint', checkpointFile);

      expect(output).toMatch(/history intact: checked \d+ events in \d+ streams and 2 signed checkpoints/);
      expect(code).toBe(0);
    });

    it('fails naming the one event edited in SQLite', async () => {
      let edited!: Row;
      const copy = tampered((db) => {
        edited = row(db, 1);
        db.prepare(`UPDATE events SET data = json_set(data, '$.quantity.value', 5000) WHERE position = ?`).run(edited.position);
      });

      const { code, output } = await auditVerify('--data-dir', copy);

      expect(code).toBe(1);
      expect(output).toContain(`HISTORY CHANGED: stream ${batchStream}, revision 1, position ${edited.position}, event ${edited.id}`);
    });

    it('fails naming the revision removed', async () => {
      let next!: Row;
      const copy = tampered((db) => {
        next = row(db, 2);
        db.prepare('DELETE FROM events WHERE position = ?').run(row(db, 1).position);
      });

      const { code, output } = await auditVerify('--data-dir', copy);

      expect(code).toBe(1);
      expect(output).toContain(`HISTORY REMOVED: stream ${batchStream}, revision 1`);
      expect(output).toContain(`before event ${next.id}`);
    });

    it('fails naming the events reordered', async () => {
      let first!: Row;
      const copy = tampered((db) => {
        first = row(db, 1);
        const second = row(db, 2);
        const setRevision = db.prepare('UPDATE events SET revision = ? WHERE position = ?');
        db.transaction(() => {
          setRevision.run(-1, first.position);
          setRevision.run(1, second.position);
          setRevision.run(2, first.position);
        })();
      });

      const { code, output } = await auditVerify('--data-dir', copy);

      expect(code).toBe(1);
      expect(output).toContain(`HISTORY REORDERED: stream ${batchStream}, revision 2, position ${first.position}, event ${first.id}`);
    });

    it('catches a history rewritten with its hashes recomputed through the signed checkpoint, kept in the store or outside', async () => {
      const rewrite = (dropStoredCheckpoints: boolean) =>
        tampered((db) => {
          let previous = row(db, 0).hash;
          const rows = db
            .prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= 1 ORDER BY revision')
            .all(batchStream) as (Row & {
            type: string;
            metadata: string | null;
          })[];
          for (const r of rows) {
            const data = JSON.parse(r.data);
            if (r.revision === 1) data.quantity.value = 5000;
            const event = {
              streamId: batchStream,
              revision: r.revision,
              id: r.id,
              type: r.type,
              data,
              metadata: r.metadata === null ? undefined : JSON.parse(r.metadata),
            };
            previous = eventHash(event, previous);
            db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?').run(JSON.stringify(data), previous, r.position);
          }
          if (dropStoredCheckpoints) db.prepare("DELETE FROM events WHERE stream_id = 'audit-checkpoints'").run();
        });

      const withStored = await auditVerify('--data-dir', rewrite(false));
      const strippedCopy = rewrite(true);
      const stripped = await auditVerify('--data-dir', strippedCopy);
      const withPublished = await auditVerify('--data-dir', strippedCopy, '--checkpoint', checkpointFile);

      expect(withStored.code).toBe(1);
      expect(withStored.output).toContain('HISTORY REWRITTEN');
      expect(stripped.code).toBe(0);
      expect(withPublished.code).toBe(1);
      expect(withPublished.output).toContain('HISTORY REWRITTEN');
      expect(withPublished.output).toContain('the checkpoint given');
    });

    it('refuses a published checkpoint whose signature does not hold', async () => {
      const forged = join(scratch, 'forged.json');
      const checkpoint = JSON.parse(readFileSync(checkpointFile, 'utf8'));
      writeFileSync(forged, JSON.stringify({ ...checkpoint, streams: checkpoint.streams + 1 }));

      const { code, output } = await auditVerify('--data-dir', dataDir, '--checkpoint', forged);

      expect(code).toBe(1);
      expect(output).toContain('its signature does not verify');
    });
  });
});
