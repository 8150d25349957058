import { mintItemCode } from '@suyuan/codes';
import { invalid, mintId } from '@suyuan/core';
import { utc } from '@suyuan/core';
import { newId } from '@suyuan/platform/nest';
import { BatchPacked, PackedCarton, PackedItem } from '../domain/events';
import { HandleBatch } from './batch-context';

const MAX_ITEMS_PER_PACKING = 5000;

/**
 * Packing mints one unguessable code per item (一物一码) and fills cartons line by line.
 * The answer lists every code with the URL its QR label carries.
 */
export const packBatch: HandleBatch<'PackBatch'> = async (batches, ctx, { batchId, ...input }) => {
  const total = input.lines.reduce((sum, line) => sum + line.count, 0);
  if (total > MAX_ITEMS_PER_PACKING) {
    throw invalid('too_many_items', `one packing may hold at most ${MAX_ITEMS_PER_PACKING} items, got ${total}`);
  }
  const batch = await batches.batch(batchId);
  const facility = await batches.facility(input.facilityId);
  const packedAt = utc(input.packedAt, 'packedAt');
  const items: PackedItem[] = [];
  const cartons: PackedCarton[] = [];
  for (const line of input.lines) {
    for (let packed = 0; packed < line.count; packed += line.itemsPerCarton) {
      const cartonId = mintId('CT');
      const itemCount = Math.min(line.itemsPerCarton, line.count - packed);
      cartons.push({ cartonId, itemCount });
      for (let i = 0; i < itemCount; i++) {
        items.push({ code: mintItemCode(), cartonId, grade: line.grade, netWeight: { ...line.netWeight } });
      }
    }
  }
  const { events } = await batches.run(
    batchId,
    {
      type: 'PackBatch',
      actor: ctx.actor,
      now: batches.now(),
      packingId: newId('PK', ctx, batchId),
      facility,
      packedAt,
      items,
      cartons,
    },
    { ...ctx, facilityId: facility.id, occurredAt: packedAt },
  );
  // On an idempotent replay the stored event, not this attempt's fresh codes, is the truth.
  const packed = events.find((e): e is BatchPacked => e.type === 'BatchPacked');
  if (!packed) throw new Error('packing recorded no BatchPacked event');
  const d = packed.data;
  return {
    batchId,
    packingId: d.packingId,
    packedAt: d.packedAt,
    cartons: d.cartons.map((c) => ({ ...c, itemCodes: d.items.filter((i) => i.cartonId === c.cartonId).map((i) => i.code) })),
    items: d.items.map((i) => ({ ...i, scanUrl: batches.scanUrl(batch, i.code) })),
  };
};
