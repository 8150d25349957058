import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, headLeaves, merkleRoot, RootClaim } from '../chain';
import { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { StoredEventsFile } from './stored-event-rows';

const harvested = (kg: number): NewEvent => ({ id: randomUUID(), type: 'BatchHarvested', data: { quantityKg: kg, plot: '3 号果园' } });

describe('verifying an embedded store file', () => {
  let directory: string;
  let file: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suyuan-verify-'));
    file = join(directory, 'events.sqlite');
    const store = SqliteEventStore.open(file);
    for (let n = 0; n < 4; n++) {
      await store.appendToStream('batch-a', [harvested(n)]);
      await store.appendToStream('batch-b', [harvested(10 + n), harvested(20 + n)]);
    }
    await store.close();
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const tamper = (sql: string, ...params: unknown[]) => {
    const db = new Database(file);
    db.prepare(sql).run(...params);
    db.close();
  };
  const row = (streamId: string, revision: number) => {
    const db = new Database(file, { readonly: true });
    const found = db.prepare('SELECT position, id FROM events WHERE stream_id = ? AND revision = ?').get(streamId, revision) as {
      position: number;
      id: string;
    };
    db.close();
    return found;
  };
  const verify = (claims: RootClaim[] = []) => {
    const stored = StoredEventsFile.open(file);
    try {
      return stored.verify(claims);
    } finally {
      stored.close();
    }
  };

  it('passes an untouched store, counting every event', () => {
    expect(verify()).toEqual({ ok: true, eventsChecked: 12, streams: 2, checkpointsChecked: 0, position: 12, problem: undefined });
  });

  it('names an event whose data was edited', () => {
    const edited = row('batch-b', 3);
    tamper(`UPDATE events SET data = '{"plot":"3 号果园","quantityKg":99}' WHERE position = ?`, edited.position);

    expect(verify().problem).toMatchObject({
      kind: 'changed',
      streamId: 'batch-b',
      revision: 3,
      position: edited.position,
      eventId: edited.id,
    });
  });

  it('names the revision removed and the event found in its place', () => {
    const removed = row('batch-a', 1);
    const next = row('batch-a', 2);
    tamper('DELETE FROM events WHERE position = ?', removed.position);

    const { problem } = verify();
    expect(problem).toMatchObject({ kind: 'removed', streamId: 'batch-a', revision: 1 });
    expect(problem!.message).toContain(next.id);
  });

  it('names two events swapped in their stream as reordered', () => {
    const [second, third] = [row('batch-b', 1), row('batch-b', 2)];
    tamper('UPDATE events SET revision = -1 WHERE position = ?', second.position);
    tamper('UPDATE events SET revision = 1 WHERE position = ?', third.position);
    tamper('UPDATE events SET revision = 2 WHERE position = ?', second.position);

    const { problem } = verify();
    expect(problem).toMatchObject({ kind: 'reordered', streamId: 'batch-b', revision: 2, position: second.position, eventId: second.id });
    expect(problem!.message).toContain(third.id);
  });

  it('catches a history rewritten with its hashes recomputed only through a checkpoint root', () => {
    const stored = StoredEventsFile.open(file);
    const before = stored.readStream('batch-a').concat(stored.readStream('batch-b'));
    stored.close();
    const root = merkleRoot(headLeaves(new Map(['batch-a', 'batch-b'].map((s) => [s, headOf(before, s)]))));
    const db = new Database(file);
    let previous = before.find((e) => e.streamId === 'batch-a' && e.revision === 1)!.hash;
    for (const event of before.filter((e) => e.streamId === 'batch-a' && e.revision >= 2)) {
      const data = event.revision === 2 ? { plot: '3 号果园', quantityKg: 500 } : event.data;
      const hash = eventHash({ ...event, data }, previous);
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?').run(JSON.stringify(data), hash, event.position);
      previous = hash;
    }
    db.close();

    expect(verify().ok).toBe(true);
    const verdict = verify([{ position: 12, root, label: 'checkpoint 1' }]);
    expect(verdict).toMatchObject({ ok: false, checkpointsChecked: 1, problem: { kind: 'checkpoint', position: 12 } });
  });

  it('passes the root of an untouched store', () => {
    const stored = StoredEventsFile.open(file);
    const events = stored.readStream('batch-a').concat(stored.readStream('batch-b'));
    stored.close();
    const root = merkleRoot(headLeaves(new Map(['batch-a', 'batch-b'].map((s) => [s, headOf(events, s)]))));

    expect(verify([{ position: 12, root, label: 'checkpoint 1' }])).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });
});

function headOf(events: { streamId: string; revision: number; position: number; hash: string }[], streamId: string) {
  const last = events.filter((e) => e.streamId === streamId).sort((a, b) => b.revision - a.revision)[0];
  return { revision: last.revision, position: last.position, hash: last.hash };
}
