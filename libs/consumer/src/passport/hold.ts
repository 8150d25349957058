import { BatchView, latestRecall } from '@suyuan/production';
import { PassportHold, PassportRecall, PassportTest } from './item-passport';

type RecordedTest = BatchView['tests'][number];

/** A test as the public sees it: without the ids of the test and its lab. */
export function passportTest({ testId: _id, labId: _lab, ...test }: RecordedTest): PassportTest {
  return test;
}

/** The holds of a batch still standing, with the tests that failed. */
export function holdOf(batch: BatchView): PassportHold {
  const open = (batch.holds ?? []).filter((h) => h.liftedAt === undefined);
  const testIds = new Set(open.map((h) => h.testId));
  return {
    since: open.map((h) => h.heldAt).sort()[0] ?? '',
    failed: batch.tests.filter((t) => testIds.has(t.testId)).map(passportTest),
  };
}

/** The latest recall covering the lot, as the page and the sellable check name it. */
export function recallOf(batch: Pick<BatchView, 'recalls'>): PassportRecall | undefined {
  const recall = latestRecall(batch);
  return recall && { recallId: recall.recallId, class: recall.class, reason: recall.reason, since: recall.recalledAt };
}
