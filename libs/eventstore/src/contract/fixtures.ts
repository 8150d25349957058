import { randomUUID } from 'node:crypto';
import { EventStore, ExpectedRevision, NewEvent, WrongExpectedRevisionError } from '../event-store.port';

/** The store under test, read lazily: each test gets a fresh one. */
export type CurrentStore = () => EventStore;

/** Unique per call, so that the suite also holds on a store shared with other tests. */
export const newStreamId = (kind = 'batch') => `${kind}-${randomUUID()}`;

export const newEvent = (type = 'BatchHarvested', data: unknown = { quantityKg: 120 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
});

export const newEvents = (count: number, type = 'ItemScanned'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export async function expectWrongExpectedRevision(
  append: Promise<unknown>,
  streamId: string,
  expected: ExpectedRevision,
  actual: number,
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves true if `promise` settles within `ms`, false otherwise. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
