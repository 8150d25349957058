import { BatchView } from '../batch.views';

/** A recall covering a lot, as its record keeps it. */
export type LotRecall = NonNullable<BatchView['recalls']>[number];

/** The latest recall covering the lot, if any: what its pages and checks name. */
export function latestRecall(batch: Pick<BatchView, 'recalls'>): LotRecall | undefined {
  return batch.recalls?.[batch.recalls.length - 1];
}
