import { Inject, Injectable } from '@nestjs/common';
import { isItemCode, normalizeItemCode } from '@suyuan/codes';
import { CLOCK, Clock } from '@suyuan/platform';
import { CommandContext, StreamExecutor, newId } from '@suyuan/platform/nest';
import { invalid, notFound } from '@suyuan/core';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchReaders } from '../access/batch-readers';
import { inJurisdiction } from '../access/read-policy';
import { BatchCommands } from '../application/batch-context';
import { BatchView, ItemView } from '../batch.views';
import { cartonHoldDecider, cartonStream } from '../domain/carton-hold.decider';
import { HeldUnit } from '../domain/events';
import { HoldAuthority } from '../domain/regulator-hold';
import { HoldInput, UnitRef } from './holds.commands';
import { SALE_HOLDS, SaleHoldView, saleHoldId } from './holds.views';

interface ResolvedUnit {
  batch: BatchView;
  unit: HeldUnit;
}

/**
 * Holds and releases a lot, carton or item on the unit's own stream. What a unit is and where it
 * comes from is looked up here (an unknown one is a 404); whether it may be held is its stream's
 * decider's to say.
 */
@Injectable()
export class UnitHolds {
  constructor(
    private readonly batches: BatchCommands,
    private readonly readers: BatchReaders,
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `spotCheck`: a failed spot check holds the lot in its regulator's name, whoever records the result. */
  async apply(ctx: CommandContext, input: HoldInput, spotCheck?: HoldAuthority['spotCheck']): Promise<SaleHoldView> {
    const { batch, unit } = await this.resolve(input.unit);
    const viewer = await this.readers.viewer(ctx.actor);
    const authority: HoldAuthority = { inJurisdiction: inJurisdiction(viewer.jurisdiction, batch.farmPlot.region), spotCheck };
    const now = this.clock.now().toISOString();
    const common = { actor: ctx.actor, now, batchId: batch.id, unit, ...authority };
    const command =
      input.type === 'HoldUnit'
        ? { type: 'HoldUnit' as const, ...common, holdId: newId('HLD', ctx), reason: input.reason }
        : { type: 'ReleaseUnit' as const, ...common, reason: input.reason };
    const at = { ...ctx, occurredAt: now };
    if (unit.kind === 'carton') await this.executor.execute(cartonStream(unit.cartonId), cartonHoldDecider, command, at);
    else await this.batches.run(batch.id, command, at);
    const id = saleHoldId(batch.id, unit);
    const view = await this.docs.get<SaleHoldView>(SALE_HOLDS, id);
    if (!view) throw new Error(`hold ${id} was recorded but is not in the read model`);
    return view;
  }

  private async resolve(ref: UnitRef): Promise<ResolvedUnit> {
    const named = (['batchId', 'cartonId', 'code'] as const).filter((k) => ref[k] !== undefined);
    if (named.length !== 1) {
      throw invalid('one_unit', 'Name exactly one unit to hold: batchId (a lot), cartonId or code (an item)', { field: 'batchId' });
    }
    if (ref.batchId !== undefined) return { batch: await this.batches.batch(ref.batchId), unit: { kind: 'lot' } };
    if (ref.cartonId !== undefined) {
      const carton = await this.docs.get<{ id: string; batchId: string }>('cartons', ref.cartonId);
      if (!carton) throw notFound('carton_not_found', `no carton ${ref.cartonId}`, { cartonId: ref.cartonId });
      return { batch: await this.batches.batch(carton.batchId), unit: { kind: 'carton', cartonId: carton.id } };
    }
    const raw = ref.code!;
    const code = isItemCode(raw) ? normalizeItemCode(raw) : raw;
    const item = await this.docs.get<ItemView>('items', code);
    if (!item) throw notFound('item_not_found', `no item with code ${raw}`, { code: raw });
    return { batch: await this.batches.batch(item.batchId), unit: { kind: 'item', code: item.code, cartonId: item.cartonId } };
  }
}
