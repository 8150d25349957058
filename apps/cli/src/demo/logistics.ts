import { ApiClient, FACILITIES, FacilityKey } from '../world';
import { iso } from './clock';
import { BatchPlan } from './plans';
import { ProducedBatch, WorldIds } from './production';

export interface ShipmentRecord {
  id: string;
  batch: string;
  from: FacilityKey;
  to: FacilityKey;
  vehicle?: FacilityKey;
  status: 'in_transit' | 'received' | 'delivered';
}

interface Action {
  at: Date;
  run: () => Promise<void>;
}

/**
 * Every leg of every batch, dispatched by the owner of the origin and received (and delivered)
 * by the owner of the destination, all in time order so the event log reads like the days did.
 */
export async function moveBatches(
  api: ApiClient,
  world: WorldIds,
  plans: BatchPlan[],
  produced: Map<string, ProducedBatch>,
): Promise<ShipmentRecord[]> {
  const shipments: ShipmentRecord[] = [];
  const actions: Action[] = [];
  const keyOf = (facility: FacilityKey) => world.orgs[FACILITIES[facility].owner].apiKey;
  for (const plan of plans) {
    const batch = produced.get(plan.key)!;
    plan.legs.forEach((leg, i) => {
      const step = `${plan.key}-leg${i}`;
      const record: ShipmentRecord = { id: '', batch: plan.key, from: leg.from, to: leg.to, vehicle: leg.vehicle, status: 'in_transit' };
      shipments.push(record);
      actions.push({
        at: leg.dispatchedAt,
        run: async () => {
          const body = {
            fromFacilityId: world.facilities[leg.from],
            toFacilityId: world.facilities[leg.to],
            ...(leg.vehicle && { vehicleId: world.facilities[leg.vehicle] }),
            cartonIds: batch.cartonIds,
            dispatchedAt: iso(leg.dispatchedAt),
          };
          record.id = (await api.post<{ id: string }>('/api/shipments', keyOf(leg.from), body, `${step}-dispatch`)).id;
        },
      });
      const { received, delivered } = leg;
      if (received) {
        actions.push({
          at: received.at,
          run: async () => {
            const body = {
              facilityId: world.facilities[leg.to],
              receivedAt: iso(received.at),
              condition: received.condition,
              temperatureC: received.temperatureC,
              ...(received.note && { note: received.note }),
            };
            await api.post(`/api/shipments/${record.id}/receipt`, keyOf(leg.to), body, `${step}-receipt`);
            record.status = 'received';
          },
        });
      }
      if (delivered) {
        actions.push({
          at: delivered.at,
          run: async () => {
            const body = { facilityId: world.facilities[leg.to], deliveredAt: iso(delivered.at), recipient: delivered.recipient };
            await api.post(`/api/shipments/${record.id}/delivery`, keyOf(leg.to), body, `${step}-delivery`);
            record.status = 'delivered';
          },
        });
      }
    });
  }
  actions.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const action of actions) await action.run();
  return shipments;
}
