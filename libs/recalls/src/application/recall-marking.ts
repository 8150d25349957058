import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandContext } from '@suyuan/platform/nest';
import { BatchView } from '@suyuan/production';
import { BatchCommands } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore, docKey } from '@suyuan/readmodels';
import { RecallView } from '../recall.views';

/**
 * The recall's process manager: no event store writes two streams in one transaction, so the
 * recall is recorded first (from then on it happened), then each lot it covers is marked on the
 * lot's own stream (`LotRecalled`), where every refusal — certify, pack, sell, process,
 * dispatch — reads it. Marking is idempotent per recall; a writer that stopped between the two
 * leaves lots unmarked, which the sweep at start marks.
 */
@Injectable()
export class RecallMarking implements OnApplicationBootstrap {
  private readonly logger = new Logger('RecallMarking');

  constructor(
    private readonly batches: BatchCommands,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async mark(recall: RecallView, ctx: CommandContext): Promise<void> {
    for (const lotId of await this.unmarked(recall)) {
      await this.batches.run(
        lotId,
        {
          type: 'MarkRecalled',
          actor: ctx.actor,
          recallId: recall.id,
          class: recall.class,
          reason: recall.reason,
          recalledAt: recall.openedAt,
        },
        { ...ctx, idempotencyKey: undefined },
      );
    }
  }

  onApplicationBootstrap(): void {
    this.sweep().catch((error) => this.logger.warn(`recall marking sweep failed: ${error}`));
  }

  /** Marks what open recalls left unmarked, in the name of whoever opened them. */
  async sweep(): Promise<void> {
    for (const recall of await this.docs.find<RecallView>('recalls')) {
      const { organizationId, role } = recall.openedBy;
      await this.mark(recall, { actor: { organizationId, role, keyId: 'recall-sweep' } });
    }
  }

  private async unmarked(recall: RecallView): Promise<string[]> {
    const found = await this.docs.getMany<BatchView>(recall.lots.map((id) => ({ collection: 'batches', id })));
    return recall.lots.filter((id) => {
      const batch = found.get(docKey('batches', id));
      return batch && !batch.recalls?.some((r) => r.recallId === recall.id);
    });
  }
}
