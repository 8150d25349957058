import Database from 'better-sqlite3';
import { CartonView, ShipmentView } from '@suyuan/logistics';
import { LineageView, TraceStepsView } from '@suyuan/processing';
import { BatchView, ItemView } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';

/**
 * The baseline: the same family tree and the same units in plain better-sqlite3 tables, indexed
 * as a DBA would, and a trace as a bare recursive query over the edges (WITH RECURSIVE … UNION,
 * cycle-safe by its depth) joined to them: what the trace read models are measured against.
 */
export interface BareTrace {
  forward(batchId: string, depth: number, limit: number): unknown;
  back(code: string, depth: number): unknown;
}

const SCHEMA = `
CREATE TABLE edges (parent TEXT NOT NULL, child TEXT NOT NULL, transformation_id TEXT NOT NULL, quantity REAL, unit TEXT);
CREATE INDEX edges_parent ON edges (parent);
CREATE INDEX edges_child ON edges (child);
CREATE TABLE lots (batch_id TEXT PRIMARY KEY, lot_code TEXT, product TEXT, owner TEXT, place TEXT);
CREATE TABLE steps (batch_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT, at TEXT, organization_id TEXT, organization_name TEXT, key_id TEXT, ref TEXT);
CREATE INDEX steps_batch ON steps (batch_id, seq);
CREATE TABLE cartons (id TEXT PRIMARY KEY, batch_id TEXT NOT NULL, seq INTEGER NOT NULL, item_count INTEGER, status TEXT, place TEXT);
CREATE INDEX cartons_batch ON cartons (batch_id, seq);
CREATE TABLE items (code TEXT PRIMARY KEY, batch_id TEXT NOT NULL, carton_id TEXT NOT NULL, grade TEXT, net_weight REAL, unit TEXT);
CREATE INDEX items_carton ON items (carton_id);
`;

export const DESCENDANTS = `
WITH RECURSIVE d (batch_id, generation) AS (
  SELECT ?, 0
  UNION
  SELECT e.child, d.generation + 1 FROM edges e JOIN d ON e.parent = d.batch_id WHERE d.generation < ?
)`;

const ANCESTORS = `
WITH RECURSIVE a (batch_id, generation) AS (
  SELECT batch_id, 0 FROM items WHERE code = ?
  UNION
  SELECT e.parent, a.generation + 1 FROM edges e JOIN a ON e.child = a.batch_id WHERE a.generation < ?
)`;

/**
 * The baseline's tables, filled from the app's read models for the lots of the tree (not timed):
 * `edges` (parent → child lot), `lots`, `steps`, `cartons` (with `status` and `place` now: the
 * facility, the shipment on the road, or the consignee) and `items`.
 */
export async function bareTables(docs: DocumentStore): Promise<Database.Database> {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  const lineage = await docs.find<LineageView>('lineage');
  const batchIds = lineage.map((l) => l.id);
  const batches = [...(await docs.getMany<BatchView>(batchIds.map((id) => ({ collection: 'batches', id })))).values()].filter(
    (b): b is BatchView => !!b,
  );
  const steps = await docs.getMany<TraceStepsView>(batchIds.map((id) => ({ collection: 'traceSteps', id })));
  const insert = (sql: string) => db.prepare(sql);
  const edge = insert('INSERT INTO edges VALUES (?, ?, ?, ?, ?)');
  const lot = insert('INSERT INTO lots VALUES (?, ?, ?, ?, ?)');
  const step = insert('INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const carton = insert('INSERT INTO cartons VALUES (?, ?, ?, ?, ?, ?)');
  const item = insert('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const l of lineage) for (const c of l.children) edge.run(l.id, c.batchId, c.transformationId, c.quantity.value, c.quantity.unit);
  for (const b of batches) {
    lot.run(b.id, b.lotCode, b.product.nameZh, b.cooperative.name, b.farmPlot.name);
    (steps.get(docKey('traceSteps', b.id))?.steps ?? []).forEach((s, seq) =>
      step.run(b.id, seq, s.event, s.at, s.organizationId, s.organizationName, s.keyId, s.ref ?? null),
    );
    const cartonIds = b.packings.flatMap((p) => p.cartonIds);
    const found = await docs.getMany<CartonView>(cartonIds.map((id) => ({ collection: 'cartons', id })));
    const shipments = await docs.getMany<ShipmentView>(
      [...found.values()].flatMap((c) => (c?.shipmentId ? [{ collection: 'shipments', id: c.shipmentId }] : [])),
    );
    cartonIds.forEach((id, seq) => {
      const c = found.get(docKey('cartons', id))!;
      const recipient = c.shipmentId ? shipments.get(docKey('shipments', c.shipmentId))?.recipient : undefined;
      const place = c.status === 'in_transit' ? c.shipmentId : c.status === 'delivered' ? recipient : c.facilityId;
      carton.run(id, b.id, seq, c.itemCount, c.status, place ?? null);
    });
    for (const i of await docs.find<ItemView>('items', { batchId: b.id })) {
      item.run(i.code, b.id, i.cartonId, i.grade, i.netWeight.value, i.netWeight.unit);
    }
  }
  db.exec('COMMIT');
  db.exec('ANALYZE');
  return db;
}

/** The trace's baseline queries over `bareTables`. */
export async function bareTrace(docs: DocumentStore): Promise<BareTrace> {
  const db = await bareTables(docs);

  const lotsDown = db.prepare(
    `${DESCENDANTS} SELECT d.batch_id, d.generation, l.lot_code, l.product, l.owner, l.place FROM d JOIN lots l USING (batch_id) ORDER BY d.generation`,
  );
  const counts = db.prepare(
    `${DESCENDANTS} SELECT c.status, c.place, SUM(c.item_count) AS units FROM d JOIN cartons c USING (batch_id) GROUP BY c.status, c.place`,
  );
  const firstPage = db.prepare(`${DESCENDANTS}
    SELECT i.code, i.batch_id, i.carton_id, i.grade, i.net_weight, i.unit, c.status, c.place
    FROM d JOIN cartons c USING (batch_id) JOIN items i ON i.carton_id = c.id
    ORDER BY d.generation, c.batch_id, c.seq, i.code LIMIT ?`);
  const lotsUp = db.prepare(
    `${ANCESTORS} SELECT a.batch_id, a.generation, l.lot_code, l.product, l.owner, l.place FROM a JOIN lots l USING (batch_id) ORDER BY a.generation`,
  );
  const stepsUp = db.prepare(`${ANCESTORS} SELECT s.* FROM a JOIN steps s USING (batch_id) ORDER BY a.generation, s.batch_id, s.seq`);
  return {
    forward: (batchId, depth, limit) => ({
      lots: lotsDown.all(batchId, depth),
      where: counts.all(batchId, depth),
      units: firstPage.all(batchId, depth, limit),
    }),
    back: (code, depth) => ({ lots: lotsUp.all(code, depth), steps: stepsUp.all(code, depth) }),
  };
}
