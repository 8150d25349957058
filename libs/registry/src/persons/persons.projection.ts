import { eventTypes } from '@suyuan/core';
import { Projection } from '@suyuan/readmodels';
import { PersonEvent } from './domain/events';
import { PersonDoc } from './person.views';

/** One document per natural person, sealed as the log holds it; erasure drops the sealed data from it too. */
export const personsProjection: Projection<PersonEvent> = {
  name: 'persons',
  eventTypes: eventTypes<PersonEvent>({ NaturalPersonRegistered: true, NaturalPersonErased: true }),
  reads(event) {
    switch (event.type) {
      case 'NaturalPersonRegistered':
        return [];
      case 'NaturalPersonErased':
        return [{ collection: 'persons', id: event.data.personId }];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown person event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'NaturalPersonRegistered': {
        const { personId, registeredBy, region, sealed, registeredAt } = event.data;
        const doc: PersonDoc = { id: personId, registeredBy, region, sealed, registeredAt, erased: false };
        return [{ collection: 'persons', id: personId, doc }];
      }
      case 'NaturalPersonErased': {
        const person = docs.get<PersonDoc>('persons', event.data.personId);
        if (!person) return [];
        const { sealed: _gone, ...kept } = person;
        const doc: PersonDoc = { ...kept, erased: true, erasedAt: event.data.erasedAt };
        return [{ collection: 'persons', id: person.id, doc }];
      }
      default: {
        const unknown: never = event;
        throw new Error(`Unknown person event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};
