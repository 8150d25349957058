import { Inject, Injectable } from '@nestjs/common';
import { FacilityRef, fold, notFound } from '@suyuan/core';
import { itemScanUrl } from '@suyuan/codes';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@suyuan/platform';
import { CommandContext, StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { createHash } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { batchDecider } from '../domain/batch.decider';
import { ReserveLotCode, lotCodeDecider } from '../domain/lot-code';
import { BatchCommand } from '../domain/commands';
import { BatchEvent } from '../domain/events';
import { BatchState } from '../domain/batch.state';
import { CartonEvent, cartonHoldDecider, cartonStream } from '../domain/carton-hold.decider';
import { RegulatorHold } from '../domain/regulator-hold';
import { BatchView, HandoverView } from '../batch.views';
import { BatchAnswers, BatchCommandInput, BatchCommandInputOf } from './batch.commands';

export const batchStream = (id: string) => `batch-${id}`;
const lotCodeStream = (productId: string, organizationId: string, lotCode: string) =>
  `lotcode-${createHash('sha256').update(`${productId}\u0000${organizationId}\u0000${lotCode}`).digest('hex').slice(0, 32)}`;

/** What the batch's commands share: resolving references, the clock, and running the batch decider. */
@Injectable()
export class BatchCommands {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The server's time as the command arrives: recorded steps cannot lie after it. */
  now(): string {
    return this.clock.now().toISOString();
  }

  async batch(batchId: string): Promise<BatchView> {
    const batch = await this.docs.get<BatchView>('batches', batchId);
    if (!batch) throw notFound('batch_not_found', `no batch ${batchId}`);
    return batch;
  }

  async handover(batchId: string, handoverId: string): Promise<HandoverView> {
    const handover = await this.docs.get<HandoverView>('handovers', handoverId);
    if (!handover || handover.batchId !== batchId) throw notFound('handover_not_found', `batch ${batchId} has no hand-over ${handoverId}`);
    return handover;
  }

  async facility(facilityId: string): Promise<FacilityRef & { view: FacilityView }> {
    const view = await this.docs.get<FacilityView>('facilities', facilityId);
    if (!view) throw notFound('facility_not_found', `no facility ${facilityId}`);
    return { id: view.id, ownerId: view.ownerId, type: view.type, view };
  }

  /**
   * Claims the lot code for the batch before the batch is registered. A claim whose batch never
   * appeared (its writer stopped between the two appends) is passed to the decider as abandoned.
   */
  async reserveLotCode(command: Omit<ReserveLotCode, 'type' | 'abandonedBatchId'>, ctx: CommandContext): Promise<void> {
    const stream = lotCodeStream(command.productId, command.organizationId, command.lotCode);
    const claim = (await this.events.readStream(stream)).at(-1)?.data as { batchId: string } | undefined;
    const abandoned = claim && claim.batchId !== command.batchId && (await this.events.readStream(batchStream(claim.batchId))).length === 0;
    await this.executor.execute(
      stream,
      lotCodeDecider,
      { type: 'ReserveLotCode', ...command, ...(abandoned && { abandonedBatchId: claim.batchId }) },
      ctx,
    );
  }

  async run(batchId: string, command: BatchCommand, ctx: CommandContext) {
    return this.executor.execute(batchStream(batchId), batchDecider, command, ctx);
  }

  /** What the batch would record for the command now, without recording it: a refusal throws. */
  async decide(batchId: string, command: BatchCommand) {
    const stored = await this.events.readStream(batchStream(batchId));
    return batchDecider.decide(command, fold(batchDecider, stored as unknown as BatchEvent[]));
  }

  /** The batch's stream, folded: what its decider sees now. */
  async state(batchId: string): Promise<BatchState> {
    return fold(batchDecider, (await this.events.readStream(batchStream(batchId))) as unknown as BatchEvent[]);
  }

  /** Regulators' holds on these cartons themselves, as each carton's own stream says. */
  async cartonHolds(cartonIds: readonly string[]): Promise<Record<string, RegulatorHold>> {
    const holds: Record<string, RegulatorHold> = {};
    for (const cartonId of cartonIds) {
      const stream = await this.events.readStream(cartonStream(cartonId));
      const hold = Object.values(fold(cartonHoldDecider, stream as unknown as CartonEvent[]).holds)[0];
      if (hold) holds[cartonId] = hold;
    }
    return holds;
  }

  /** The URL an item's QR label carries. */
  scanUrl(batch: BatchView, code: string): string {
    return itemScanUrl(this.config.publicBaseUrl, { code, gtin14: batch.product.gtin, lotCode: batch.lotCode });
  }
}

/** How one command on a batch is carried out, given what the batch's commands share. */
export type HandleBatch<T extends BatchCommandInput['type']> = (
  batches: BatchCommands,
  ctx: CommandContext,
  input: BatchCommandInputOf<T>,
) => Promise<BatchAnswers[T]>;
