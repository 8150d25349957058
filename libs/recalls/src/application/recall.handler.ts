import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, conflict, forbidden, notFound, parsePastTime } from '@suyuan/core';
import { CartonView } from '@suyuan/logistics';
import { CLOCK, Clock } from '@suyuan/platform';
import { CommandContext, newId, StreamExecutor } from '@suyuan/platform/nest';
import { ForwardStart, recallReach } from '@suyuan/processing';
import { BatchView, batchParties, batchReadRight } from '@suyuan/production';
import { BatchReaders } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore, docKey } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { RecallScope } from '../domain/events';
import { DisposedCarton, recallDecider, RecallCommand } from '../domain/recall.decider';
import { RecallView } from '../recall.views';
import { RecallCommandInput, RecallWrite } from './recall.commands';
import { outcomeOf, recallProgress } from './recall-progress';
import { RecallMarking } from './recall-marking';

export const recallStream = (id: string) => `recall-${id}`;

type Input<T extends RecallCommandInput['type']> = Extract<RecallCommandInput, { type: T }>;

/**
 * A recall's commands. Opening resolves the scope through the family tree (trace forward: the
 * start lots and every lot made from them) when it is opened; what holders return or destroy is
 * checked against where the record says each carton is.
 */
@CommandHandler(RecallWrite)
export class RecallCommandHandler implements ICommandHandler<RecallWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    private readonly readers: BatchReaders,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly marking: RecallMarking,
  ) {}

  execute({ ctx, input }: RecallWrite): Promise<RecallView> {
    switch (input.type) {
      case 'OpenRecall':
        return this.open(ctx, input);
      case 'DisposeUnits':
        return this.dispose(ctx, input);
      case 'CloseRecall':
        return this.close(ctx, input);
    }
  }

  private async open(ctx: CommandContext, input: Input<'OpenRecall'>): Promise<RecallView> {
    const now = this.now();
    const riskKnownAt =
      input.riskKnownAt === undefined ? now : new Date(parsePastTime('riskKnownAt', input.riskKnownAt, now)).toISOString();
    const viewer = await this.readers.viewer(ctx.actor);
    const { startLots, lots } = await recallReach(this.docs, viewer, startsOf(input.scope));
    const batches = await this.batches(lots);
    const ownerOf = (id: string) => batches.get(docKey('batches', id))?.cooperative.id ?? '';
    const recallId = newId('RC', ctx);
    const recall = await this.run(recallId, ctx, {
      type: 'OpenRecall',
      actor: ctx.actor,
      recallId,
      class: input.class,
      reason: input.reason,
      scope: input.scope,
      lots,
      owners: [...new Set(lots.map(ownerOf))],
      startOwners: [...new Set(startLots.map(ownerOf))],
      riskKnownAt,
      openedAt: now,
    });
    await this.marking.mark(recall, ctx);
    return recall;
  }

  private async dispose(ctx: CommandContext, input: Input<'DisposeUnits'>): Promise<RecallView> {
    const recall = await this.recall(input.recallId);
    // Said before where the cartons are: once closed, nothing more is taken, wherever it is.
    if (recall.status === 'closed') throw conflict('recall_closed', `recall ${recall.id} is closed`);
    const facility = await this.docs.get<FacilityView>('facilities', input.facilityId);
    if (!facility) throw notFound('facility_not_found', `no facility ${input.facilityId}`, { facilityId: input.facilityId });
    const now = this.now();
    const disposedAt = input.disposedAt === undefined ? now : new Date(parsePastTime('disposedAt', input.disposedAt, now)).toISOString();
    const cartons = await this.cartonsHeld(recall, facility, input.cartonIds ?? []);
    let loose: { lotId: string; items: number; lotItemCount: number } | undefined;
    if (input.lotId !== undefined || input.items !== undefined) {
      const lotId = input.lotId ?? '';
      const batch = await this.docs.get<BatchView>('batches', lotId);
      if (!batch) throw notFound('batch_not_found', `no lot (batch) ${lotId}`, { field: 'lotId' });
      loose = { lotId, items: input.items ?? 0, lotItemCount: batch.itemCount };
    }
    return this.run(recall.id, ctx, {
      type: 'DisposeUnits',
      actor: ctx.actor,
      disposition: input.disposition,
      facility: { id: facility.id, ownerId: facility.ownerId },
      cartons,
      ...(loose && { loose }),
      ...(input.note !== undefined && { note: input.note }),
      disposedAt,
    });
  }

  private async close(ctx: CommandContext, input: Input<'CloseRecall'>): Promise<RecallView> {
    const recall = await this.recall(input.recallId);
    await this.requireOverseer(ctx.actor, recall);
    const outcome = outcomeOf(await recallProgress(this.docs, recall));
    return this.run(recall.id, ctx, { type: 'CloseRecall', actor: ctx.actor, report: input.report, outcome, closedAt: this.now() });
  }

  /**
   * The cartons named, as the record knows them: each must be of the recall and where the
   * facility holds it (received or packed there, or delivered to it); a carton already
   * returned may be destroyed by its lot's owner, wherever it was brought back to.
   */
  private async cartonsHeld(recall: RecallView, facility: FacilityView, ids: string[]): Promise<DisposedCarton[]> {
    if (ids.length === 0) return [];
    const found = await this.docs.getMany<CartonView>(ids.map((id) => ({ collection: 'cartons', id })));
    const unknown = ids.filter((id) => !found.get(docKey('cartons', id)));
    if (unknown.length > 0) throw notFound('unknown_cartons', `no cartons ${unknown.join(', ')}`, { cartonIds: unknown });
    const batches = await this.batches([...new Set(ids.map((id) => found.get(docKey('cartons', id))!.batchId))]);
    return ids.map((id) => {
      const carton = found.get(docKey('cartons', id))!;
      const ownerId = batches.get(docKey('batches', carton.batchId))?.cooperative.id;
      const returnedToOwner = recall.cartons[id] === 'returned' && ownerId === facility.ownerId;
      if (recall.lots.includes(carton.batchId) && !returnedToOwner && !heldAt(carton, facility.id))
        throw conflict('not_at_facility', `carton ${id} is not at ${facility.name} (${facility.id}) by the record`, { cartonId: id });
      return { id, lotId: carton.batchId, itemCount: carton.itemCount };
    });
  }

  /** A regulator over one of the recall's lots. */
  private async requireOverseer(actor: Actor, recall: RecallView): Promise<void> {
    if (actor.role !== 'regulator') return; // the decider refuses anyone but a regulator
    const viewer = await this.readers.viewer(actor);
    const batches = await this.batches(recall.lots);
    const overseen = [...batches.values()].some((b) => !!b && batchReadRight(viewer, batchParties(b)) === 'regulator');
    if (!overseen) throw forbidden('not_your_jurisdiction', `recall ${recall.id} covers no lot of your jurisdiction`);
  }

  private async recall(id: string): Promise<RecallView> {
    const recall = await this.docs.get<RecallView>('recalls', id);
    if (!recall) throw notFound('recall_not_found', `no recall ${id}`);
    return recall;
  }

  private batches(ids: readonly string[]) {
    return this.docs.getMany<BatchView>(ids.map((id) => ({ collection: 'batches', id })));
  }

  private async run(recallId: string, ctx: CommandContext, command: RecallCommand): Promise<RecallView> {
    await this.executor.execute(recallStream(recallId), recallDecider, command, ctx);
    return this.recall(recallId);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function startsOf(scope: RecallScope): ForwardStart[] {
  return 'lots' in scope ? scope.lots.map((lot) => ({ lot })) : [scope];
}

/** Where the record says the carton is: packed or received at the facility, or delivered to it. */
function heldAt(carton: CartonView, facilityId: string): boolean {
  if (carton.status === 'in_transit') return false;
  if (carton.status === 'delivered') return carton.stops.at(-1)?.facilityId === facilityId;
  return carton.facilityId === facilityId;
}
