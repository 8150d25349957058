import { Inject, Injectable } from '@nestjs/common';
import { FacilityRef, invalid, notFound } from '../../../core/src';
import { CommandContext, StreamExecutor } from '../../../platform/src/commands/stream-executor';
import { DOCUMENT_STORE, DocumentStore } from '../../../readmodels/src/document-store.port';
import { FacilityView } from '../../../registry/src/registry.views';
import { batchDecider } from '../domain/batch.decider';
import { BatchCommand } from '../domain/commands';
import { BatchView } from '../batch.views';

export const batchStream = (id: string) => `batch-${id}`;

/** What the batch handlers share: resolving references and running the batch decider. */
@Injectable()
export class BatchCommands {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) readonly docs: DocumentStore,
  ) {}

  async batch(batchId: string): Promise<BatchView> {
    const batch = await this.docs.get<BatchView>('batches', batchId);
    if (!batch) throw notFound('batch_not_found', `no batch ${batchId}`);
    return batch;
  }

  async facility(facilityId: string): Promise<FacilityRef & { view: FacilityView }> {
    const view = await this.docs.get<FacilityView>('facilities', facilityId);
    if (!view) throw notFound('facility_not_found', `no facility ${facilityId}`);
    return { id: view.id, ownerId: view.ownerId, type: view.type, view };
  }

  async run(batchId: string, command: BatchCommand, ctx: CommandContext) {
    return this.executor.execute(batchStream(batchId), batchDecider, command, ctx);
  }
}

/** Grade attributes arrive as a free-form object; only finite numbers under plain names are kept. */
export function measuredAttributes(attributes: Record<string, unknown>, field: string): Record<string, number> {
  const entries = Object.entries(attributes);
  if (entries.length > 20) throw invalid('too_many_attributes', `${field} has more than 20 attributes`);
  for (const [name, value] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) throw invalid('invalid_attribute', `${field}.${name} is not a plain attribute name`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('invalid_attribute', `${field}.${name} must be a number`);
  }
  return attributes as Record<string, number>;
}
