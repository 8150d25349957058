import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { cartonsOfLots } from '@suyuan/processing';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { RecallView } from '../recall.views';
import { RecallProgress, recallProgress } from './recall-progress';

/** A holder's task: the units of an open recall its facilities hold, to return or destroy. */
export interface RecallTask {
  recallId: string;
  class: RecallView['class'];
  reason: string;
  completeBy: string;
  items: number;
  cartons: { cartonId: string; lotId: string; items: number; facilityId: string; placeName?: string }[];
}

/** Who sees every recall: the market regulators and the administrator. */
const OVERSEERS = new Set(['regulator', 'admin']);

/**
 * Reading recalls. A recall is the regulators' (all of them: a recall crosses counties with the
 * goods), its lots' owners', its opener's and, while it is open, that of every organization
 * whose facilities hold its units; nobody else's (403).
 */
@Injectable()
export class RecallQueries {
  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {}

  async get(actor: Actor, id: string): Promise<RecallView & { progress: RecallProgress }> {
    const recall = await this.docs.get<RecallView>('recalls', id);
    if (!recall) throw notFound('recall_not_found', `no recall ${id}`);
    const progress = await recallProgress(this.docs, recall);
    if (!this.isParty(actor, recall) && !(await this.holds(actor, progress)))
      throw forbidden('not_allowed_to_read', `recall ${id} is read by the regulators, its lots' owners and the holders of its units`);
    return { ...recall, progress };
  }

  /** The recalls the actor is party to (a regulator: all), newest first; `status` to pick open or closed ones. */
  async list(actor: Actor, status?: RecallView['status']): Promise<RecallView[]> {
    const all = await this.docs.find<RecallView>('recalls');
    const tasks = OVERSEERS.has(actor.role) ? new Set<string>() : new Set((await this.tasks(actor)).map((t) => t.recallId));
    return all
      .filter((r) => (status === undefined || r.status === status) && (this.isParty(actor, r) || tasks.has(r.id)))
      .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
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

  private isParty(actor: Actor, recall: RecallView): boolean {
    return (
      OVERSEERS.has(actor.role) || recall.owners.includes(actor.organizationId) || recall.openedBy.organizationId === actor.organizationId
    );
  }

  private async holds(actor: Actor, progress: RecallProgress): Promise<boolean> {
    const facilities = await this.docs.find<FacilityView>('facilities', { ownerId: actor.organizationId });
    const mine = new Set(facilities.map((f) => f.id));
    return progress.places.some((p) => p.facilityId !== undefined && mine.has(p.facilityId));
  }
}
