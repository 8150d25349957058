import { conflict, Decider, forbidden, invalid, notFound } from '@suyuan/core';
import { ORGANIZATION_ROLES, OrganizationRole } from '../../domain/events';
import { PersonCommand, RegisterNaturalPerson } from './commands';
import { PersonEvent } from './events';
import { isValidIdNumber } from './id-number';

/** The roles that buy from households and so record them: all but those that oversee the chain. */
export const PERSON_REGISTRANT_ROLES: readonly OrganizationRole[] = ORGANIZATION_ROLES.filter(
  (role) => role !== 'regulator' && role !== 'standards_owner',
);

export interface PersonState {
  /** The registering organization, once registered. */
  registeredBy?: string;
  erased: boolean;
}

/**
 * What a registration must satisfy whatever the stream holds: the handler checks it before it
 * makes the person a key, and `decide` again.
 */
export function checkRegistration({ actor, personal, region }: Pick<RegisterNaturalPerson, 'actor' | 'personal' | 'region'>): void {
  if (!(PERSON_REGISTRANT_ROLES as readonly string[]).includes(actor.role)) {
    throw forbidden(
      'role_not_allowed',
      `households are recorded by the organizations that buy from them (${PERSON_REGISTRANT_ROLES.join(', ')}); your key acts as ${actor.role}`,
    );
  }
  if (!personal.name?.trim()) throw invalid('name_required', 'a natural person is recorded with a name', { field: 'name' });
  if (!isValidIdNumber(personal.idNumber)) {
    throw invalid('invalid_id_number', 'idNumber is not a 居民身份证号码: 18 characters, a birth date and the GB 11643 check character', {
      field: 'idNumber',
    });
  }
  if (!region?.county?.trim()) {
    throw invalid('county_required', 'a natural person is recorded with the county they live in (region.county)', {
      field: 'region.county',
    });
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ erased: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'NaturalPersonRegistered':
        return { registeredBy: event.data.registeredBy, erased: false };
      case 'NaturalPersonErased':
        return { ...state, erased: true };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown person event: ${JSON.stringify(unknown)}`);
      }
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterNaturalPerson': {
        checkRegistration(command);
        if (state.registeredBy !== undefined) throw conflict('person_exists', `person ${command.personId} is already registered`);
        const { actor, personId, sealed, region, registeredAt } = command;
        return [
          {
            type: 'NaturalPersonRegistered',
            data: { personId, registeredBy: actor.organizationId, sealed, region, registeredAt },
          },
        ];
      }
      case 'EraseNaturalPerson': {
        const { actor, personId, erasedAt, reason } = command;
        if (state.registeredBy === undefined) throw notFound('person_not_found', `no person ${personId}`);
        if (actor.role !== 'admin' && actor.organizationId !== state.registeredBy) {
          throw forbidden('not_registrant', 'only the organization that registered a person, or the administrator, may erase them');
        }
        if (state.erased) throw conflict('person_erased', `person ${personId} is already erased`);
        return [{ type: 'NaturalPersonErased', data: { personId, erasedBy: actor.organizationId, erasedAt, reason } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown person command: ${JSON.stringify(unknown)}`);
      }
    }
  },
};
