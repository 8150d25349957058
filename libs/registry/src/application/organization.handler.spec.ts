import Database from 'better-sqlite3';
import { DomainError } from '@suyuan/core';
import { EventStore, WrongExpectedRevisionError } from '@suyuan/eventstore/event-store.port';
import { SqliteEventStore } from '@suyuan/eventstore/sqlite/sqlite-event-store';
import { SqliteDocumentStore } from '@suyuan/readmodels/sqlite/sqlite-document-store';
import { CommandContext, StreamExecutor } from '@suyuan/platform/commands/stream-executor';
import { systemClock } from '@suyuan/platform/commands/clock';
import { admin, cooperativeRegistered } from '../domain/registry.fixtures';
import { OrganizationCommandHandler, organizationStream } from './organization.handler';
import { IssuedApiKey, OrganizationWrite } from './registry.commands';

describe('OrganizationCommandHandler: IssueApiKey', () => {
  let db: Database.Database;
  let store: SqliteEventStore;
  let refusedAppends: number;
  let handler: OrganizationCommandHandler;

  beforeEach(async () => {
    db = new Database(':memory:');
    store = new SqliteEventStore(db);
    await store.appendToStream(organizationStream('org-jiufeng-coop'), [{ id: 'evt-registered', ...cooperativeRegistered }]);
    refusedAppends = 0;
    // Counts the appends refused for a stale revision: the race the derived key id must survive.
    const counting: EventStore = Object.assign(Object.create(store) as EventStore, {
      appendToStream: (...args: Parameters<EventStore['appendToStream']>) =>
        store.appendToStream(...args).catch((error: unknown) => {
          if (error instanceof WrongExpectedRevisionError) refusedAppends++;
          throw error;
        }),
    });
    handler = new OrganizationCommandHandler(new StreamExecutor(counting, systemClock), new SqliteDocumentStore(db, []));
  });
  afterEach(() => db.close());

  const issue = async (ctx: CommandContext, label = '合作社办公室') =>
    (await handler.execute(new OrganizationWrite(ctx, { type: 'IssueApiKey', organizationId: 'org-jiufeng-coop', label }))) as IssuedApiKey;
  const keysIssued = async () => (await store.readStream(organizationStream('org-jiufeng-coop'))).filter((e) => e.type === 'ApiKeyIssued');

  it('issues one key for two requests with one Idempotency-Key running side by side, refusing the later on the same key id', async () => {
    const ctx = { actor: admin, idempotencyKey: 'office-key-1' };
    const outcomes = await Promise.allSettled([issue(ctx), issue(ctx)]);
    const issued = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ keyId: string }>).value);
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as DomainError);
    expect(issued).toHaveLength(1);
    expect(refused.map((e) => [e.code, e.details?.keyId])).toEqual([['api_key_already_issued', issued[0].keyId]]);
    expect(refusedAppends).toBe(1);
    expect((await keysIssued()).map((e) => (e.data as { keyId: string }).keyId)).toEqual([issued[0].keyId]);
  });

  it('derives the key id from the Idempotency-Key and the organization, and mints a random one without', async () => {
    const first = await issue({ actor: admin, idempotencyKey: 'office-key-2' });
    expect(first.keyId).toMatch(/^[0-9A-Z]{12}$/);
    expect(first.apiKey.startsWith(`sy_${first.keyId}_`)).toBe(true);
    const plain = await Promise.all([issue({ actor: admin }), issue({ actor: admin })]);
    expect(new Set([first.keyId, ...plain.map((k) => k.keyId)]).size).toBe(3);
    expect(await keysIssued()).toHaveLength(3);
  });
});
