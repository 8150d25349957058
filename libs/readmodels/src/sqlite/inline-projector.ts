import { RecordedEvent } from '@suyuan/eventstore';
import { projectEvents } from '../project-events';
import { AnyProjection } from '../projection';
import { SqliteDocumentStore } from './sqlite-document-store';

export const INLINE_CHECKPOINT = 'inline';

/**
 * Embedded mode: projections run inside the append's transaction, so a read right
 * after a write sees it, and a projection error rolls the append back.
 */
export class InlineProjector {
  constructor(
    private readonly docs: SqliteDocumentStore,
    private readonly projections: readonly AnyProjection[],
  ) {}

  project = (events: RecordedEvent[]): void => {
    const writes = projectEvents(this.projections, events, (refs) => this.docs.getManySync(refs));
    this.docs.commitSync(writes, { name: INLINE_CHECKPOINT, position: events[events.length - 1].position });
  };
}
