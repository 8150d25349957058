import { Inject, Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@suyuan/core';
import { BatchReaders } from '@suyuan/production/nest';
import { Viewer, inJurisdiction, mayReadFacility } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { CartonView, ShipmentView } from '../logistics.views';

/**
 * The read policy for what moves: a shipment is read by the owners of the places it leaves,
 * reaches and rides, the readers of the batches its cartons hold, and the regulator over either
 * end; a carton by its batch's readers, the organizations whose facilities held it and the
 * regulator over those facilities.
 */
@Injectable()
export class LogisticsReaders {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly batches: BatchReaders,
  ) {}

  viewer = (actor: Parameters<BatchReaders['viewer']>[0]) => this.batches.viewer(actor);

  async shipments(viewer: Viewer, shipments: ShipmentView[]): Promise<ShipmentView[]> {
    if (viewer.role === 'admin') return shipments;
    const facilities = await this.facilities(shipments.flatMap((s) => [s.from.id, s.to.id, ...(s.vehicle ? [s.vehicle.id] : [])]));
    const byPlace = (s: ShipmentView) =>
      [s.from.id, s.to.id, s.vehicle?.id].some((id) => {
        const f = id === undefined ? undefined : facilities.get(id);
        return (
          !!f &&
          (f.ownerId === viewer.organizationId ||
            (viewer.role === 'regulator' && id !== s.vehicle?.id && inJurisdiction(viewer.jurisdiction, f.region)))
        );
      });
    const rest = shipments.filter((s) => !byPlace(s));
    const cartons = await this.cartons(rest.flatMap((s) => s.cartonIds));
    const readableBatches = await this.batches.readableIds(
      viewer,
      [...cartons.values()].map((c) => c.batchId),
    );
    const byGoods = new Set(
      rest.filter((s) => s.cartonIds.some((id) => readableBatches.has(cartons.get(id)?.batchId ?? ''))).map((s) => s.id),
    );
    return shipments.filter((s) => byPlace(s) || byGoods.has(s.id));
  }

  async requireShipment(viewer: Viewer, shipment: ShipmentView): Promise<ShipmentView> {
    if ((await this.shipments(viewer, [shipment])).length === 0) {
      throw forbidden(
        'not_allowed_to_read',
        `shipment ${shipment.id} is read by the owners of its facilities, the readers of its goods and the regulator over its route`,
      );
    }
    return shipment;
  }

  async requireCarton(viewer: Viewer, carton: CartonView): Promise<CartonView> {
    if (viewer.role === 'admin' || (await this.batches.mayRead(viewer, carton.batchId))) return carton;
    const held = await this.facilities(carton.stops.map((s) => s.facilityId));
    // A vehicle's registered place is not where it drove, so it puts no carton under a regulator (as for shipments).
    const heldThere = (f: FacilityView) =>
      viewer.role === 'regulator' && f.type !== 'vehicle' && inJurisdiction(viewer.jurisdiction, f.region);
    if ([...held.values()].some((f) => f.ownerId === viewer.organizationId || heldThere(f))) return carton;
    throw forbidden(
      'not_allowed_to_read',
      `carton ${carton.id} is read by the readers of its batch, the organizations that held it and the regulator over where it was held; its items' public scan pages show the rest`,
    );
  }

  async requireFacilityRecords(viewer: Viewer, facilityId: string): Promise<void> {
    const facility = await this.docs.get<FacilityView>('facilities', facilityId);
    if (!facility) throw notFound('facility_not_found', `no facility ${facilityId}`);
    if (mayReadFacility(viewer, facility)) return;
    throw forbidden(
      'not_allowed_to_read',
      `the cold-chain records of facility ${facilityId} are its owner's and the regulator's over its place`,
    );
  }

  private facilities = (ids: string[]) => this.byId<FacilityView>('facilities', ids);
  private cartons = (ids: string[]) => this.byId<CartonView>('cartons', ids);

  /** The documents of these ids that exist, by id. */
  private async byId<T extends { id: string }>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const found = await this.docs.getMany<T>([...new Set(ids)].map((id) => ({ collection, id })));
    return new Map([...found.values()].filter((d): d is T => d !== undefined).map((d) => [d.id, d]));
  }
}
