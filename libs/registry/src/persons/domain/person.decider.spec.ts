import { deciderSpec } from '@suyuan/core/testing';
import { ORGANIZATION_ROLES } from '../../domain/events';
import { PERSON_REGISTRANT_ROLES, personDecider } from './person.decider';
import {
  admin,
  countyRegulator,
  eraseHousehold,
  household,
  householdErased,
  householdRegistered,
  otherCoop,
  registerHousehold,
  teaFactory,
} from './persons.fixtures';

const given = deciderSpec(personDecider);

describe('natural person decider', () => {
  describe('registering a household', () => {
    it('records the person sealed, by the organization that registers them, with the coarse region in clear', () => {
      given([]).when(registerHousehold).then([householdRegistered]);
    });

    it('puts nothing of the personal data in the event', () => {
      const [event] = personDecider.decide(registerHousehold, personDecider.initialState());
      const text = JSON.stringify(event);
      for (const part of [household.name, household.idNumber, household.phone!]) expect(text).not.toContain(part);
    });

    it.each(PERSON_REGISTRANT_ROLES)('lets a %s register the households it buys from', (role) => {
      const actor = { ...teaFactory, role };
      given([])
        .when({ ...registerHousehold, actor })
        .then([householdRegistered]);
    });

    it.each(['regulator', 'standards_owner', 'admin'])('refuses a key acting as %s', (role) => {
      given([])
        .when({ ...registerHousehold, actor: { ...teaFactory, role } })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('lets every organization role register but those that oversee the chain', () => {
      expect(ORGANIZATION_ROLES.filter((role) => !PERSON_REGISTRANT_ROLES.includes(role))).toEqual(['regulator', 'standards_owner']);
    });

    it('refuses to register the same person twice, erased or not', () => {
      given([householdRegistered]).when(registerHousehold).thenThrows({ kind: 'conflict', code: 'person_exists' });
      given([householdRegistered, householdErased]).when(registerHousehold).thenThrows({ kind: 'conflict', code: 'person_exists' });
    });

    it.each([
      ['a wrong check character', '440281199003071238'],
      ['17 characters', '44028119900307123'],
      ['19 characters', '4402811990030712370'],
      ['a birth date that does not exist (its check character right)', '44028119900230123X'],
      ['a birth year before 1900 (its check character right)', '440281189912311235'],
      ['letters', '44028119900307ABCD'],
      ['nothing', ''],
    ])('refuses an ID number with %s, naming the field', (_, idNumber) => {
      given([])
        .when({ ...registerHousehold, personal: { ...household, idNumber } })
        .thenThrows({ kind: 'invalid', code: 'invalid_id_number', details: { field: 'idNumber' } });
    });

    it('needs a name and the county', () => {
      given([])
        .when({ ...registerHousehold, personal: { ...household, name: ' ' } })
        .thenThrows({ kind: 'invalid', code: 'name_required', details: { field: 'name' } });
      given([])
        .when({ ...registerHousehold, region: { province: '广东省', county: '' } })
        .thenThrows({ kind: 'invalid', code: 'county_required', details: { field: 'region.county' } });
    });

    it('checks who registers before what is registered', () => {
      given([])
        .when({ ...registerHousehold, actor: countyRegulator, personal: { ...household, idNumber: 'x' } })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });
  });

  describe('erasing a person', () => {
    it('is recorded for the registering organization, with why', () => {
      given([householdRegistered]).when(eraseHousehold).then([householdErased]);
    });

    it('is the administrator’s to do too', () => {
      given([householdRegistered])
        .when({ ...eraseHousehold, actor: admin, reason: undefined })
        .then([
          { type: 'NaturalPersonErased', data: { personId: 'PSN-1', erasedBy: admin.organizationId, erasedAt: eraseHousehold.erasedAt } },
        ]);
    });

    it('is refused to any other organization, the county’s regulator included', () => {
      given([householdRegistered])
        .when({ ...eraseHousehold, actor: otherCoop })
        .thenThrows({ kind: 'forbidden', code: 'not_registrant' });
      given([householdRegistered])
        .when({ ...eraseHousehold, actor: countyRegulator })
        .thenThrows({ kind: 'forbidden', code: 'not_registrant' });
    });

    it('happens once: erasing twice is a conflict', () => {
      given([householdRegistered, householdErased]).when(eraseHousehold).thenThrows({ kind: 'conflict', code: 'person_erased' });
    });

    it('tells another organization nothing of an erased person but that it may not', () => {
      given([householdRegistered, householdErased])
        .when({ ...eraseHousehold, actor: otherCoop })
        .thenThrows({ kind: 'forbidden', code: 'not_registrant' });
    });

    it('needs a registered person', () => {
      given([]).when(eraseHousehold).thenThrows({ kind: 'not_found', code: 'person_not_found' });
    });
  });
});
