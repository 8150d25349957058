import { projectionSpec } from '@suyuan/readmodels/testing';
import { householdErased, householdRegistered, sealed, teaFactory, chaliao } from './domain/persons.fixtures';
import { PersonDoc } from './person.views';
import { personsProjection } from './persons.projection';

const given = projectionSpec(personsProjection);

const registered: PersonDoc = {
  id: 'PSN-1',
  registeredBy: teaFactory.organizationId,
  region: chaliao,
  sealed,
  registeredAt: '2026-04-02T01:00:00.000Z',
  erased: false,
};

describe('persons projection', () => {
  it('writes a registered person as the log holds them: sealed, with the region and who registered them', () => {
    given()
      .when(householdRegistered)
      .then([{ collection: 'persons', id: 'PSN-1', doc: registered }]);
  });

  it('marks an erased person, dated, and keeps no sealed data for them', () => {
    const { sealed: _dropped, ...rest } = registered;
    given([householdRegistered])
      .when(householdErased)
      .then([{ collection: 'persons', id: 'PSN-1', doc: { ...rest, erased: true, erasedAt: '2026-09-01T02:00:00.000Z' } }]);
  });

  it('writes nothing for the erasure of a person it does not know', () => {
    given().when(householdErased).then([]);
  });
});
