import { conflict, Decider, forbidden, invalid } from '@suyuan/core';
import { FacilityCommand } from './commands';
import { FacilityEvent, FacilityType, OrganizationRole } from './events';

/** Which roles may own each kind of facility: a facility's events are trusted because of who owns it. */
const OWNER_ROLES: Record<FacilityType, readonly OrganizationRole[]> = {
  farm_plot: ['cooperative'],
  packhouse: ['cooperative', 'packhouse', 'processor'],
  cold_store: ['cooperative', 'packhouse', 'processor', 'logistics', 'retailer'],
  county_hub: ['logistics'],
  town_station: ['logistics'],
  village_point: ['logistics', 'retailer'],
  vehicle: ['logistics'],
  lab: ['testing_lab'],
  processing_plant: ['processor'],
};

export interface FacilityState {
  registered: boolean;
}

export const facilityDecider: Decider<FacilityCommand, FacilityEvent, FacilityState> = {
  initialState: () => ({ registered: false }),

  evolve: (_state, event) => {
    switch (event.type) {
      case 'FacilityRegistered':
        return { registered: true };
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown facility event: ${unknown}`);
      }
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterFacility': {
        const { actor, facilityId, ownerId, ownerRole, facilityType, name, region, location, plate, areaMu } = command;
        if (actor.role !== 'admin' && actor.organizationId !== ownerId) {
          throw forbidden('not_owner', 'An organization may only register facilities it owns itself');
        }
        if (state.registered) {
          throw conflict('facility_exists', `Facility ${facilityId} is already registered`);
        }
        const owners = Object.hasOwn(OWNER_ROLES, facilityType) ? OWNER_ROLES[facilityType] : undefined;
        if (owners === undefined) {
          throw invalid('unknown_facility_type', `Unknown facility type "${facilityType}"`);
        }
        if (!owners.includes(ownerRole as OrganizationRole)) {
          throw invalid(
            'facility_type_not_allowed',
            `A ${ownerRole} organization cannot own a ${facilityType}; a ${facilityType} belongs to: ${owners.join(', ')}`,
            { ownerRole, facilityType, allowedOwnerRoles: owners },
          );
        }
        if (!region?.county?.trim()) {
          throw invalid('county_required', 'A facility must name the county it is in (region.county)');
        }
        if (areaMu !== undefined) checkArea(facilityType, areaMu);
        return [
          {
            type: 'FacilityRegistered',
            data: { facilityId, ownerId, type: facilityType, name, region, location, plate, ...(areaMu !== undefined && { areaMu }) },
          },
        ];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`Unknown facility command: ${unknown}`);
      }
    }
  },
};

/** The largest plot one record can believably be: 100,000 亩 (about 67 km²). */
const MAX_AREA_MU = 100_000;

function checkArea(facilityType: FacilityType, areaMu: number): void {
  if (facilityType !== 'farm_plot')
    throw invalid('area_not_applicable', `Only a farm plot has an area; this is a ${facilityType}`, { field: 'areaMu' });
  if (typeof areaMu !== 'number' || !Number.isFinite(areaMu) || areaMu <= 0 || areaMu > MAX_AREA_MU) {
    throw invalid('invalid_area', `areaMu must be more than 0 and at most ${MAX_AREA_MU} 亩; got ${areaMu}`, { field: 'areaMu' });
  }
}
