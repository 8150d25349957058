import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headLeaves, merkleRoot, SqliteEventStore, verifyInclusion } from '@suyuan/eventstore';
import Database from 'better-sqlite3';
import { signatureValid } from './checkpoint';
import { Checkpointer } from './checkpointer';
import { loadSigningKey, SigningKey } from './signing-key';

const signer = { organizationId: 'org-samr', keyId: 'key-1' };
const event = (n: number) => ({ id: `e-${n}-${Math.random()}`, type: 'BatchHarvested', data: { n } });

describe('Checkpointer', () => {
  let dataDir: string;
  let key: SigningKey;
  let db: Database.Database;
  let store: SqliteEventStore;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'suyuan-checkpointer-'));
    key = loadSigningKey({ dataDir });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  beforeEach(async () => {
    db = new Database(':memory:');
    store = new SqliteEventStore(db);
    await store.appendToStream('batch-a', [event(1), event(2)]);
    await store.appendToStream('batch-b', [event(3)]);
  });
  afterEach(() => db.close());

  it('signs the root over every stream head at the position reached, into its own stream', async () => {
    const checkpointer = new Checkpointer(store, key, () => new Date('2026-12-04T10:00:00Z'));

    const { checkpoint, created } = await checkpointer.sign(signer);

    const heads = new Map(
      (await store.readAll({ maxCount: 3 })).map((e) => [e.streamId, { revision: e.revision, position: e.position, hash: e.hash }]),
    );
    expect(created).toBe(true);
    expect(checkpoint).toMatchObject({
      position: 3,
      streams: 2,
      root: merkleRoot(headLeaves(heads)),
      signedAt: '2026-12-04T10:00:00.000Z',
    });
    expect(signatureValid(checkpoint)).toBe(true);
    expect(await checkpointer.checkpoints()).toEqual([checkpoint]);
    expect((await store.readStream('audit-checkpoints'))[0].metadata).toMatchObject(signer);
  });

  it('signs nothing new while only checkpoints were recorded since the last one, and covers the checkpoint stream the next time', async () => {
    const checkpointer = new Checkpointer(store, key);
    const first = await checkpointer.sign(signer);

    const again = await checkpointer.sign(signer);
    await store.appendToStream('batch-a', [event(4)]);
    const next = await checkpointer.sign(signer);

    expect(again).toEqual({ checkpoint: first.checkpoint, created: false });
    expect(next.created).toBe(true);
    expect(next.checkpoint).toMatchObject({ position: 5, streams: 3 });
    expect((await checkpointer.checkpoints()).map((c) => c.position)).toEqual([5, 3]);
  });

  it('of two instances signing at once, appends one checkpoint and gives both the same', async () => {
    const [one, two] = [new Checkpointer(store, key), new Checkpointer(store, key)];

    const results = await Promise.all([one.sign(signer), two.sign(signer)]);

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0].checkpoint).toEqual(results[1].checkpoint);
    expect(await one.checkpoints()).toHaveLength(1);
  });

  it('signs once when asked twice at once by the same instance', async () => {
    const checkpointer = new Checkpointer(store, key);

    const results = await Promise.all([checkpointer.sign(signer), checkpointer.sign(signer)]);

    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].checkpoint).toEqual(results[1].checkpoint);
  });

  it("proves a stream's head included in a checkpoint, also one another instance signed", async () => {
    const { checkpoint } = await new Checkpointer(store, key).sign(signer);
    await store.appendToStream('batch-a', [event(5)]);

    const proved = await new Checkpointer(store, key).proof(checkpoint, 'batch-a');

    expect(proved!.leaf).toMatchObject({ streamId: 'batch-a', revision: 1 });
    expect(verifyInclusion(proved!.leaf, proved!.proof, checkpoint.root)).toBe(true);
    expect(await new Checkpointer(store, key).proof(checkpoint, 'batch-new')).toBeUndefined();
  });

  it('refuses to sign a history whose chain does not hold', async () => {
    db.prepare("UPDATE events SET data = '{\"n\":99}' WHERE stream_id = 'batch-a' AND revision = 0").run();

    await expect(new Checkpointer(store, key).sign(signer)).rejects.toMatchObject({ name: 'BrokenHistoryError' });
    expect(await store.readStream('audit-checkpoints')).toEqual([]);
  });
});
