import Database from 'better-sqlite3';
import { DomainEvent } from '@suyuan/core';
import { projectEvents, SqliteDocumentStore } from '@suyuan/readmodels';
import { recorded } from '@suyuan/readmodels/testing';
import { decodeCursor } from '../domain/cursor';
import { HistoryFilter } from '../domain/filter';
import { historyProjection } from '../history.projection';
import { AUDIT_SUBJECTS, AuditSubjectView } from '../history.views';
import { entryPage } from './history-entries';

const by = { organizationId: 'ORG-PACK', keyId: 'key-pack', recordedAt: '2026-07-15T03:00:00.000Z' };

/** 130 events of batch B1; every third names item I1's carton C1, every tenth the item itself. */
function seeded(): SqliteDocumentStore {
  const docs = new SqliteDocumentStore(new Database(':memory:'));
  const events = Array.from({ length: 130 }, (_, i) => {
    const data: Record<string, unknown> = { batchId: 'B1', n: i };
    if (i % 3 === 0) data.cartonId = 'C1';
    if (i % 10 === 0) data.code = 'I1';
    const event: DomainEvent = { type: i % 2 === 0 ? 'FarmInputApplied' : 'QualityTestRecorded', data };
    const at = new Date(Date.UTC(2026, 6, 1) + i * 3_600_000).toISOString();
    return recorded({ ...event, streamId: 'batch-B1', metadata: { ...by, occurredAt: at } }, i + 1);
  });
  const writes = projectEvents([historyProjection], events, (refs) => docs.getManySync(refs));
  docs.commitSync(writes, { name: 'spec', position: 130 });
  return docs;
}

async function lists(docs: SqliteDocumentStore, keys: string[]) {
  return Promise.all(keys.map(async (key) => ({ key, count: (await docs.get<AuditSubjectView>(AUDIT_SUBJECTS, key))?.count ?? 0 })));
}

/** Every page from the start, following each cursor. */
async function walk(docs: SqliteDocumentStore, keys: string[], filter: HistoryFilter, limit: number, scanBudget = 5_000) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await entryPage(docs, await lists(docs, keys), cursor ? decodeCursor(cursor, keys.length) : undefined, filter, {
      limit,
      scanBudget,
    });
    pages.push(page.entries.map((e) => e.position));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('a page of a history', () => {
  it('walks one subject’s list over its index pages, each event once, in order', async () => {
    const pages = await walk(seeded(), ['batch:B1'], {}, 40);
    expect(pages.map((p) => p.length)).toEqual([40, 40, 40, 10]);
    expect(pages.flat()).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
  });

  it('merges an item’s list with its carton’s, an event both name shown once', async () => {
    const pages = await walk(seeded(), ['item:I1', 'carton:C1'], {}, 7);
    const expected = Array.from({ length: 130 }, (_, i) => i)
      .filter((i) => i % 3 === 0 || i % 10 === 0)
      .map((i) => i + 1);
    expect(pages.flat()).toEqual(expected);
  });

  it('filters by kind and time, and under a narrow filter returns short pages that carry on rather than read the whole list', async () => {
    const docs = seeded();
    const filter = { types: new Set(['QualityTestRecorded']), fromMs: Date.UTC(2026, 6, 2) };
    const pages = await walk(docs, ['batch:B1'], filter, 100, 30);
    expect(pages.flat()).toEqual(
      Array.from({ length: 130 }, (_, i) => i)
        .filter((i) => i % 2 === 1 && i >= 24)
        .map((i) => i + 1),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toEqual([26, 28, 30]);
  });

  it('is empty for a subject nothing names', async () => {
    expect(await walk(seeded(), ['batch:B2'], {}, 10)).toEqual([[]]);
  });
});
