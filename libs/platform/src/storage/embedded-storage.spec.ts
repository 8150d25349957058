import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnyProjection } from '@suyuan/readmodels/projection';
import { openEmbeddedStorage } from './embedded-storage';

/** Counts the events of each stream: the smallest projection that shows a rebuild. */
const counting: AnyProjection = {
  name: 'counting',
  eventTypes: ['Happened'],
  reads: (event) => [{ collection: 'counts', id: event.streamId }],
  apply: (event, docs) => [
    { collection: 'counts', id: event.streamId, doc: { n: (docs.get<{ n: number }>('counts', event.streamId)?.n ?? 0) + 1 } },
  ],
};
const schema = { projections: [counting], indexes: [], version: 1 };

describe('embedded storage', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'suyuan-storage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds read models kept in the earlier WITHOUT ROWID layout from the events, keeping every event', async () => {
    const file = join(dir, 'suyuan.db');
    const first = await openEmbeddedStorage(file, schema);
    for (let i = 0; i < 3; i++) await first.events.appendToStream('s-1', [{ id: `e${i}`, type: 'Happened', data: {}, metadata: {} }]);
    expect(await first.docs.get('counts', 's-1')).toEqual({ n: 3 });
    // The layout of earlier releases, holding a stale document.
    first.db.exec(`DROP TABLE documents;
      CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      INSERT INTO documents VALUES ('counts', 's-1', '{"n":99}');`);
    await first.close();

    const again = await openEmbeddedStorage(file, schema);
    try {
      expect(await again.docs.get('counts', 's-1')).toEqual({ n: 3 });
      expect(await again.events.readAll()).toHaveLength(3);
    } finally {
      await again.close();
    }
  });
});
