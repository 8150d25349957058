import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { ShipmentView } from '@suyuan/logistics';
import { BatchView, batchParties, batchReadRight, ItemView, Viewer } from '@suyuan/production';
import { BatchReaders } from '@suyuan/production/nest';
import { DOCUMENT_STORE, docKey, DocumentStore } from '@suyuan/readmodels';
import { FacilityView, OrganizationView, Region } from '@suyuan/registry';
import { historyReadRight, SubjectParties } from '../domain/history-access';
import { subjectKey, SubjectKind } from '../domain/subjects';
import { AUDIT_SUBJECTS, AuditSubjectView } from '../history.views';

/** A subject whose history the reader may read: the index lists it is made of, and how to name it. */
export interface ReadableSubject {
  kind: SubjectKind;
  id: string;
  /** What a person reads as the subject: `batch B… (lot 2026-07-A)`. */
  title: string;
  lists: { key: string; count: number }[];
}

interface Resolved {
  title: string;
  /** Its own list first; an item adds its carton's. */
  keys: string[];
  parties: Omit<SubjectParties, 'handlers'> & { handlers?: string[] };
  /**
   * A place's or an organization's history is its owner's: naming it in an event (a shipment
   * to another's hub, a hand-over to another organization) does not open everything recorded there.
   */
  ownerOnly?: true;
}

/** Finds a subject (404 when there is none), and applies the history read rule to it (403 naming the rule). */
@Injectable()
export class HistorySubjects {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly batches: BatchReaders,
  ) {}

  viewer(actor: Actor): Promise<Viewer> {
    return this.batches.viewer(actor);
  }

  async readable(viewer: Viewer, kind: SubjectKind, id: string): Promise<ReadableSubject> {
    const resolved = await this.resolve(viewer, kind, id);
    const heads = await this.docs.getMany<AuditSubjectView>(resolved.keys.map((key) => ({ collection: AUDIT_SUBJECTS, id: key })));
    const lists = resolved.keys.map((key) => heads.get(docKey(AUDIT_SUBJECTS, key)) ?? { key, count: 0, handlers: [] });
    const recorders = resolved.ownerOnly ? [] : lists.flatMap((l) => l.handlers);
    const handlers = new Set([...recorders, ...(resolved.parties.handlers ?? [])]);
    if (!historyReadRight(viewer, { ...resolved.parties, handlers })) {
      throw forbidden(
        'not_allowed_to_read',
        `the history of ${kind} ${id} is read by the organizations that handled it (recorded its events or own it), ` +
          'those that may read its batch, the regulator over where it is and the administrator; it is private to everyone else',
      );
    }
    return { kind, id, title: resolved.title, lists: lists.map(({ key, count }) => ({ key, count })) };
  }

  private async resolve(viewer: Viewer, kind: SubjectKind, id: string): Promise<Resolved> {
    const own = subjectKey(kind, id);
    switch (kind) {
      case 'batch': {
        const batch = await this.batch(id);
        return { title: `batch ${id} (lot ${batch.lotCode})`, keys: [own], parties: this.batchParties(viewer, [batch]) };
      }
      case 'item': {
        const item = found(await this.docs.get<ItemView>('items', id), 'item', id);
        const batch = await this.batch(item.batchId);
        return {
          title: `item ${id} (carton ${item.cartonId}, lot ${batch.lotCode})`,
          keys: [own, subjectKey('carton', item.cartonId)],
          parties: this.batchParties(viewer, [batch]),
        };
      }
      case 'carton': {
        const head = found(await this.docs.get<AuditSubjectView>(AUDIT_SUBJECTS, own), 'carton', id);
        return { title: `carton ${id}`, keys: [own], parties: this.batchParties(viewer, await this.batchesOf([head])) };
      }
      case 'shipment': {
        const shipment = found(await this.docs.get<ShipmentView>('shipments', id), 'shipment', id);
        const ends = await this.facilities([shipment.from.id, shipment.to.id]);
        const cartons = await this.docs.getMany<AuditSubjectView>(
          shipment.cartonIds.map((c) => ({ collection: AUDIT_SUBJECTS, id: subjectKey('carton', c) })),
        );
        const carried = this.batchParties(viewer, await this.batchesOf([...cartons.values()]));
        return {
          title: `shipment ${id} (${shipment.from.name} → ${shipment.to.name})`,
          keys: [own],
          parties: { ...carried, handlers: ends.map((f) => f.ownerId), regions: [...carried.regions, ...ends.map((f) => f.region)] },
        };
      }
      case 'facility': {
        const facility = found(await this.docs.get<FacilityView>('facilities', id), 'facility', id);
        return {
          title: `facility ${id} (${facility.name})`,
          keys: [own],
          parties: { handlers: [facility.ownerId], regions: [facility.region] },
          ownerOnly: true,
        };
      }
      case 'organization': {
        const organization = found(await this.docs.get<OrganizationView>('organizations', id), 'organization', id);
        // An organization's seat may name a province alone: the regulator of that province has it.
        const region = organization.region as Region | undefined;
        return {
          title: `organization ${id} (${organization.name})`,
          keys: [own],
          parties: { handlers: [id], regions: [region] },
          ownerOnly: true,
        };
      }
    }
  }

  private async batch(id: string): Promise<BatchView> {
    return found(await this.docs.get<BatchView>('batches', id), 'batch', id);
  }

  private batchParties(viewer: Viewer, batches: BatchView[]): Resolved['parties'] {
    const right = batches.map((b) => batchReadRight(viewer, batchParties(b))).find((r) => r !== undefined);
    return { regions: batches.map((b) => b.farmPlot.region), ...(right && { batchRight: right }) };
  }

  /** The batches the cartons were packed from. */
  private async batchesOf(cartons: (AuditSubjectView | undefined)[]): Promise<BatchView[]> {
    const ids = [...new Set(cartons.flatMap((c) => c?.batchIds ?? []))];
    const found = await this.docs.getMany<BatchView>(ids.map((b) => ({ collection: 'batches', id: b })));
    return [...found.values()].filter((b): b is BatchView => !!b);
  }

  private async facilities(ids: string[]): Promise<FacilityView[]> {
    const found = await this.docs.getMany<FacilityView>(ids.map((id) => ({ collection: 'facilities', id })));
    return [...found.values()].filter((f): f is FacilityView => !!f);
  }
}

function found<T>(doc: T | undefined, kind: string, id: string): T {
  if (!doc) throw notFound(`${kind}_not_found`, `no ${kind} ${id}`);
  return doc;
}
