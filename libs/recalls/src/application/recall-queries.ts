import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { cartonsOfLots } from '@suyuan/processing';
import { BatchView, Viewer, batchParties, batchReadRight, inJurisdiction } from '@suyuan/production';
import { BatchReaders } from '@suyuan/production/nest';
import { CLOCK, Clock } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { RecallView } from '../recall.views';
import { RecallProgress, recallProgress } from './recall-progress';

/** A recall as read: `startedLate` when opened after its start deadline, `overdue` while open past its completion deadline. */
export type DatedRecall = RecallView & { startedLate?: true; overdue?: true };

/** A holder's task: the units of an open recall its facilities hold, to return or destroy. */
export interface RecallTask {
  recallId: string;
  class: RecallView['class'];
  reason: string;
  completeBy: string;
  items: number;
  cartons: { cartonId: string; lotId: string; items: number; facilityId: string; placeName?: string }[];
}

/**
 * Reading recalls. A recall is read by whoever may read one of its lots whole (its owner, the
 * organizations that took part, the standards owner, the regulator over its origin: "Who may
 * read what"), its opener, the organizations whose facilities hold its units now, and the
 * regulators over the places those units are (a recall crosses counties with the goods); by
 * nobody else (403).
 */
@Injectable()
export class RecallQueries {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly readers: BatchReaders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<DatedRecall & { progress: RecallProgress }> {
    const recall = await this.docs.get<RecallView>('recalls', id);
    if (!recall) throw notFound('recall_not_found', `no recall ${id}`);
    const progress = await recallProgress(this.docs, recall);
    if (!(await this.mayRead(actor, await this.readers.viewer(actor), recall, progress)))
      throw forbidden(
        'not_allowed_to_read',
        `recall ${id} is read by the readers of its lots, the holders of its units and the regulators over where they are`,
      );
    return { ...this.dated(recall), progress };
  }

  /** The recalls the actor may read, newest first; `status` to pick open or closed ones. */
  async list(actor: Actor, status?: RecallView['status']): Promise<DatedRecall[]> {
    const viewer = await this.readers.viewer(actor);
    const all = (await this.docs.find<RecallView>('recalls')).filter((r) => status === undefined || r.status === status);
    const readable: RecallView[] = [];
    for (const recall of all) if (await this.mayRead(actor, viewer, recall)) readable.push(recall);
    return readable.sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0)).map((r) => this.dated(r));
  }

  /** The recall against its deadlines now: started late, or still open past its completion deadline. */
  private dated(recall: RecallView): DatedRecall {
    const startedLate = recall.openedAt > recall.startBy;
    const overdue = recall.status === 'open' && this.clock.now().toISOString() > recall.completeBy;
    return { ...recall, ...(startedLate && { startedLate }), ...(overdue && { overdue }) };
  }

  /** For each open recall, the units the actor's facilities hold and have not yet returned or destroyed. */
  async tasks(actor: Actor): Promise<RecallTask[]> {
    const facilities = await this.docs.find<FacilityView>('facilities', { ownerId: actor.organizationId });
    if (facilities.length === 0) return [];
    const mine = new Map(facilities.map((f) => [f.id, f]));
    const open = (await this.docs.find<RecallView>('recalls')).filter((r) => r.status === 'open');
    const tasks: RecallTask[] = [];
    for (const recall of open) {
      const cartons = (await cartonsOfLots(this.docs, recall.lots)).flatMap((c) => {
        const facilityId =
          c.now.status === 'not_shipped' || c.now.status === 'at_facility' || c.now.status === 'delivered' ? c.now.facilityId : undefined;
        if (!facilityId || !mine.has(facilityId) || recall.cartons[c.cartonId]) return [];
        return [{ cartonId: c.cartonId, lotId: c.lotId, items: c.items, facilityId, ...(c.placeName && { placeName: c.placeName }) }];
      });
      if (cartons.length === 0) continue;
      const items = cartons.reduce((n, c) => n + c.items, 0);
      tasks.push({ recallId: recall.id, class: recall.class, reason: recall.reason, completeBy: recall.completeBy, items, cartons });
    }
    return tasks;
  }

  private async mayRead(actor: Actor, viewer: Viewer, recall: RecallView, known?: RecallProgress): Promise<boolean> {
    if (actor.role === 'admin' || recall.openedBy.organizationId === actor.organizationId) return true;
    const batches = await this.docs.getMany<BatchView>(recall.lots.map((id) => ({ collection: 'batches', id })));
    if ([...batches.values()].some((b) => !!b && batchReadRight(viewer, batchParties(b)) !== undefined)) return true;
    const progress = known ?? (await recallProgress(this.docs, recall));
    const placed = [...new Set(progress.places.flatMap((p) => (p.facilityId ? [p.facilityId] : [])))];
    const facilities = await this.docs.getMany<FacilityView>(placed.map((id) => ({ collection: 'facilities', id })));
    return [...facilities.values()].some(
      (f) => !!f && (f.ownerId === actor.organizationId || (viewer.role === 'regulator' && inJurisdiction(viewer.jurisdiction, f.region))),
    );
  }
}
