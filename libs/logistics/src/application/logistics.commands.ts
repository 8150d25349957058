import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { DeliverShipment, ReceiveShipment, RecordColdChainReadings } from '../domain/commands';
import { ShipmentView } from '../logistics.views';

/*
 * What a caller asks: the domain's commands without the actor and the clock's `now`, naming
 * facilities by id (the handler looks them up). Times are as sent: the handler reads them,
 * naming the field that is wrong.
 */

export type ShipmentCommandInput =
  | {
      type: 'DispatchShipment';
      fromFacilityId: string;
      toFacilityId: string;
      vehicleId?: string;
      cartonIds: string[];
      dispatchedAt: string;
    }
  | (Omit<ReceiveShipment, 'actor' | 'now' | 'facility'> & { shipmentId: string; facilityId: string })
  | (Omit<DeliverShipment, 'actor' | 'now' | 'facility'> & { shipmentId: string; facilityId: string });

export class ShipmentWrite extends Command<ShipmentView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: ShipmentCommandInput,
  ) {
    super();
  }
}

export type RecordColdChainReadingsInput = Omit<RecordColdChainReadings, 'actor' | 'now' | 'facility'> & { facilityId: string };

export interface ReadingsAccepted {
  facilityId: string;
  deviceId: string;
  accepted: number;
  from: string;
  to: string;
}

export class ColdChainWrite extends Command<ReadingsAccepted> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: RecordColdChainReadingsInput,
  ) {
    super();
  }
}
