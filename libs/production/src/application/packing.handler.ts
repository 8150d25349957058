import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { itemScanUrl, mintItemCode } from '@suyuan/codes';
import { CommandContext, newId } from '@suyuan/platform/nest';
import { APP_CONFIG, AppConfig, utc } from '@suyuan/platform';
import { invalid, mintId } from '@suyuan/core';
import { BatchPacked, PackedCarton, PackedItem } from '../domain/events';
import { PackingDto } from '../http/batch.dto';
import { BatchCommands } from './batch-context';

const MAX_ITEMS_PER_PACKING = 5000;

export class PackBatchCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: PackingDto) {}
}

export interface PackingResult {
  batchId: string;
  packingId: string;
  packedAt: string;
  cartons: (PackedCarton & { itemCodes: string[] })[];
  items: (PackedItem & { scanUrl: string })[];
}

/**
 * Packing mints one unguessable code per item (一物一码) and fills cartons line by line.
 * The answer lists every code with the URL its QR label carries.
 */
@CommandHandler(PackBatchCommand)
export class PackBatchHandler implements ICommandHandler<PackBatchCommand, PackingResult> {
  constructor(
    private readonly batches: BatchCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ ctx, batchId, body }: PackBatchCommand): Promise<PackingResult> {
    const total = body.lines.reduce((sum, line) => sum + line.count, 0);
    if (total > MAX_ITEMS_PER_PACKING) {
      throw invalid('too_many_items', `one packing may hold at most ${MAX_ITEMS_PER_PACKING} items, got ${total}`);
    }
    const batch = await this.batches.batch(batchId);
    const facility = await this.batches.facility(body.facilityId);
    const packedAt = utc(body.packedAt, 'packedAt');
    const items: PackedItem[] = [];
    const cartons: PackedCarton[] = [];
    for (const line of body.lines) {
      for (let packed = 0; packed < line.count; packed += line.itemsPerCarton) {
        const cartonId = mintId('CT');
        const itemCount = Math.min(line.itemsPerCarton, line.count - packed);
        cartons.push({ cartonId, itemCount });
        for (let i = 0; i < itemCount; i++) {
          items.push({ code: mintItemCode(), cartonId, grade: line.grade, netWeight: { ...line.netWeight } });
        }
      }
    }
    const { events } = await this.batches.run(batchId, {
      type: 'PackBatch',
      actor: ctx.actor,
      now: this.batches.now(),
      packingId: newId('PK', ctx, batchId),
      facility,
      packedAt,
      items,
      cartons,
    }, { ...ctx, facilityId: facility.id, occurredAt: packedAt });
    // On an idempotent replay the stored event, not this attempt's fresh codes, is the truth.
    const packed = events.find((e): e is BatchPacked => e.type === 'BatchPacked');
    if (!packed) throw new Error('packing recorded no BatchPacked event');
    const d = packed.data;
    const scanUrl = (code: string) =>
      itemScanUrl(this.config.publicBaseUrl, { code, gtin14: batch.product.gtin, lotCode: batch.lotCode });
    return {
      batchId,
      packingId: d.packingId,
      packedAt: d.packedAt,
      cartons: d.cartons.map((c) => ({ ...c, itemCodes: d.items.filter((i) => i.cartonId === c.cartonId).map((i) => i.code) })),
      items: d.items.map((i) => ({ ...i, scanUrl: scanUrl(i.code) })),
    };
  }
}
