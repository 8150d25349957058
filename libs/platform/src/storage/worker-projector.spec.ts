import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStorage, openEmbeddedStorage, workerFile } from './embedded-storage';
import { countingSchema } from './testing/counting-schemas';

const happened = (storage: EmbeddedStorage, id: string, type = 'Happened') =>
  storage.events.appendToStream('s-1', [{ id, type, data: {}, metadata: {} }]);

describe('projections on a projector worker', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suyuan-worker-'));
    file = join(dir, 'suyuan.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('projects into its own file, and a read right after an append sees it', async () => {
    const storage = await openEmbeddedStorage(file, countingSchema, 'worker');
    try {
      for (let i = 0; i < 3; i++) await happened(storage, `e${i}`);
      expect(await storage.readModels.get('counts', 's-1')).toEqual({ n: 3 });
      expect(await storage.readModels.getMany([{ collection: 'counts', id: 's-1' }])).toEqual(new Map([['counts\u0000s-1', { n: 3 }]]));
      expect(await storage.readModels.find('counts')).toEqual([{ n: 3 }]);
      expect(existsSync(workerFile(file))).toBe(true);
      // Not in the append's transaction: the main file holds none of it.
      expect(storage.docs.getSync('counts', 's-1')).toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  it('tells readers of the changes it made, so that caches drop them', async () => {
    const storage = await openEmbeddedStorage(file, countingSchema, 'worker');
    try {
      const heard: string[] = [];
      storage.readModels.onChange((changes) => heard.push(...changes.map((c) => `${c.collection}/${c.id}`)));
      await happened(storage, 'e0');
      await storage.readModels.get('counts', 's-1');
      expect(heard).toEqual(['counts/s-1']);
    } finally {
      await storage.close();
    }
  });

  it('catches up on start, and switching mode either way rebuilds what the other left behind', async () => {
    let storage = await openEmbeddedStorage(file, countingSchema, 'worker');
    await happened(storage, 'e0');
    await storage.close();
    storage = await openEmbeddedStorage(file, countingSchema, 'inline');
    await happened(storage, 'e1');
    expect(await storage.readModels.get('counts', 's-1')).toEqual({ n: 2 });
    await storage.close();
    // The worker's file saw e0 only: it is handed e1 before the storage opens.
    storage = await openEmbeddedStorage(file, countingSchema, 'worker');
    expect(storage.worker!.position).toBeGreaterThan(0);
    await happened(storage, 'e2');
    expect(await storage.readModels.get('counts', 's-1')).toEqual({ n: 3 });
    await storage.close();
    storage = await openEmbeddedStorage(file, countingSchema, 'inline');
    try {
      expect(await storage.readModels.get('counts', 's-1')).toEqual({ n: 3 });
    } finally {
      await storage.close();
    }
  });

  it('stops at an event its projections cannot take: the event stays recorded, readers get a 503 naming it', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const storage = await openEmbeddedStorage(file, countingSchema, 'worker');
    try {
      await happened(storage, 'e0');
      await happened(storage, 'bad', 'Broken');
      await happened(storage, 'e2');
      await expect(storage.readModels.get('counts', 's-1')).rejects.toMatchObject({
        status: 503,
        message: expect.stringMatching(/stopped after position 1, at event bad \(Broken, position 2\): cannot count bad/),
      });
      // What came before it is projected; what came after waits for a fixed release and a restart.
      expect(storage.worker!.position).toBe(1);
      expect(storage.worker!.status()).toEqual({
        projectedPosition: 1,
        appendedPosition: 3,
        error: expect.stringContaining('at event bad'),
      });
      expect(await storage.events.readAll()).toHaveLength(3);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('cannot count bad'));
    } finally {
      logged.mockRestore();
      await storage.close();
    }
  });
});
