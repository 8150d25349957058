import { RecallView } from '@suyuan/recalls';
import { DocumentStore } from '@suyuan/readmodels';
import { DESCENDANTS, bareTables } from '../trace/bare-sql';

/**
 * The recall's baseline: the trace bench's plain tables (edges, lots, cartons with where each is
 * now) plus the recall's lots and the cartons its holders returned or destroyed, and each answer
 * as a bare query over them: the scope as a recursive query down the edges, the progress as the
 * recall's lots joined to their cartons, less those disposed of, counted by state and place.
 */
export interface BareRecall {
  scope(startLot: string): unknown;
  /** The units by state, summed from the rows by place (which the answer carries too). */
  progress(recallId: string): Record<'total' | 'returned' | 'destroyed' | 'located' | 'inTransit' | 'delivered', number>;
}

/** The state a carton's row says, as the recall's progress names it. */
const STATES: Record<string, keyof ReturnType<BareRecall['progress']>> = {
  returned: 'returned',
  destroyed: 'destroyed',
  packed: 'located',
  received: 'located',
  in_transit: 'inTransit',
  delivered: 'delivered',
};

const SCHEMA = `
CREATE TABLE recall_lots (recall_id TEXT NOT NULL, batch_id TEXT NOT NULL, PRIMARY KEY (recall_id, batch_id));
CREATE TABLE dispositions (recall_id TEXT NOT NULL, carton_id TEXT NOT NULL, disposition TEXT NOT NULL, PRIMARY KEY (recall_id, carton_id));
`;

/** No family tree is this deep: a recall follows every generation, as `recallReach` does. */
const ALL_GENERATIONS = 1_000;

/** The baseline's tables, filled from the app's read models and the recall as recorded (not timed). */
export async function bareRecall(docs: DocumentStore, recall: RecallView): Promise<BareRecall> {
  const db = await bareTables(docs);
  db.exec(SCHEMA);
  const lot = db.prepare('INSERT INTO recall_lots VALUES (?, ?)');
  const disposed = db.prepare('INSERT INTO dispositions VALUES (?, ?, ?)');
  db.exec('BEGIN');
  for (const id of recall.lots) lot.run(recall.id, id);
  for (const [cartonId, disposition] of Object.entries(recall.cartons)) disposed.run(recall.id, cartonId, disposition);
  db.exec('COMMIT');
  db.exec('ANALYZE');

  const scope = db.prepare(`${DESCENDANTS} SELECT batch_id FROM d`);
  const total = db.prepare('SELECT SUM(c.item_count) AS items FROM recall_lots r JOIN cartons c USING (batch_id) WHERE r.recall_id = ?');
  const byPlace = db.prepare(`
    SELECT COALESCE(x.disposition, c.status) AS state, CASE WHEN x.disposition IS NULL THEN c.place END AS place,
           COUNT(*) AS cartons, SUM(c.item_count) AS items
    FROM recall_lots r JOIN cartons c USING (batch_id)
    LEFT JOIN dispositions x ON x.recall_id = r.recall_id AND x.carton_id = c.id
    WHERE r.recall_id = ?
    GROUP BY 1, 2 ORDER BY items DESC`);
  return {
    scope: (startLot) => scope.all(startLot, ALL_GENERATIONS),
    progress: (recallId) => {
      const sums = {
        total: (total.get(recallId) as { items: number }).items,
        returned: 0,
        destroyed: 0,
        located: 0,
        inTransit: 0,
        delivered: 0,
      };
      for (const row of byPlace.all(recallId) as { state: string; items: number }[]) sums[STATES[row.state]] += row.items;
      return sums;
    },
  };
}
