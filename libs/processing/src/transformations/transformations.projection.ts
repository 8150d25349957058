import { eventTypes, StoredDomainEvent } from '@suyuan/core';
import { BatchInputConsumed, BatchInputReserved, BatchReservationReleased } from '@suyuan/production';
import { DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView } from '@suyuan/registry';
import { TransformationRecorded } from '../domain/events';
import { OpenReservationView, TransformationView } from './transformation.views';

type ReservationEvent = BatchInputReserved | BatchInputConsumed | BatchReservationReleased;
export type TransformationsProjectionEvent = TransformationRecorded | ReservationEvent;

const reservationId = (d: { batchId: string; transformationId: string }) => `${d.batchId}|${d.transformationId}`;

/** Transformations as recorded, with names resolved; and the reservations still open. */
export const transformationsProjection: Projection<TransformationsProjectionEvent> = {
  name: 'transformations',
  eventTypes: eventTypes<TransformationsProjectionEvent>({
    TransformationRecorded: true,
    BatchInputReserved: true,
    BatchInputConsumed: true,
    BatchReservationReleased: true,
  }),
  reads(event): DocRef[] {
    if (event.type !== 'TransformationRecorded') return [];
    return [
      { collection: 'organizations', id: event.data.processorId },
      { collection: 'facilities', id: event.data.plantId },
    ];
  },
  apply(event, docs): DocWrite[] {
    switch (event.type) {
      case 'TransformationRecorded':
        return [
          recorded(
            event,
            docs.get<OrganizationView>('organizations', event.data.processorId),
            docs.get<FacilityView>('facilities', event.data.plantId),
          ),
        ];
      case 'BatchInputReserved': {
        const { batchId, transformationId, processorId, reservedAt } = event.data;
        const doc: OpenReservationView = { id: reservationId(event.data), batchId, transformationId, processorId, reservedAt };
        return [{ collection: 'openReservations', id: doc.id, doc }];
      }
      case 'BatchInputConsumed':
      case 'BatchReservationReleased':
        return [{ collection: 'openReservations', id: reservationId(event.data), doc: null }];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown transformations event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function recorded(
  event: StoredDomainEvent<TransformationRecorded>,
  processor: OrganizationView | undefined,
  plant: FacilityView | undefined,
): DocWrite {
  const { transformationId, ...d } = event.data;
  const doc: TransformationView = {
    id: transformationId,
    ...d,
    processorName: processor?.name ?? d.processorId,
    plant: { id: d.plantId, name: plant?.name ?? d.plantId, region: plant?.region ?? { county: '' } },
    recordedAt: event.metadata.recordedAt,
    keyId: event.metadata.keyId,
  };
  return { collection: 'transformations', id: doc.id, doc };
}
