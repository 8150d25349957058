import { Actor } from '@suyuan/core';
import { SealedPersonalData } from '@suyuan/platform';
import { Region } from '../../domain/events';
import { admin } from '../../domain/registry.fixtures';
import { EraseNaturalPerson, RegisterNaturalPerson } from './commands';
import { NaturalPersonErased, NaturalPersonRegistered, PersonalData } from './events';

/** Shared data for the persons specs: a tea factory in 乐昌市 buys fresh leaves from a household of 茶料村. */
export { admin };
export const teaFactory: Actor = { organizationId: 'org-lechang-tea', keyId: 'key-tea-1', role: 'packhouse' };
export const otherCoop: Actor = { organizationId: 'org-jiufeng-coop', keyId: 'key-jiufeng-1', role: 'cooperative' };
export const countyRegulator: Actor = { organizationId: 'org-lechang-samr', keyId: 'key-samr-1', role: 'regulator' };

export const chaliao: Region = { province: '广东省', county: '乐昌市', town: '北乡镇', village: '茶料村' };

/** The GB 11643 check character computed for this made-up number, not guessed. */
export const household: PersonalData = { name: '黄秀英', idNumber: '440281199003071237', phone: '13800138000' };

/** Opaque here: the decider neither opens nor checks what it is handed sealed. */
export const sealed: SealedPersonalData = { v: 1, iv: 'AAECAwQFBgcICQoL', ct: 'c2VhbGVk', tag: 'AAECAwQFBgcICQoLDA0ODw==' };

export const registerHousehold: RegisterNaturalPerson = {
  type: 'RegisterNaturalPerson',
  actor: teaFactory,
  personId: 'PSN-1',
  personal: household,
  sealed,
  region: chaliao,
  registeredAt: '2026-04-02T01:00:00.000Z',
};

export const householdRegistered: NaturalPersonRegistered = {
  type: 'NaturalPersonRegistered',
  data: { personId: 'PSN-1', registeredBy: teaFactory.organizationId, sealed, region: chaliao, registeredAt: '2026-04-02T01:00:00.000Z' },
};

export const eraseHousehold: EraseNaturalPerson = {
  type: 'EraseNaturalPerson',
  actor: teaFactory,
  personId: 'PSN-1',
  erasedAt: '2026-09-01T02:00:00.000Z',
  reason: 'consent withdrawn',
};

export const householdErased: NaturalPersonErased = {
  type: 'NaturalPersonErased',
  data: { personId: 'PSN-1', erasedBy: teaFactory.organizationId, erasedAt: '2026-09-01T02:00:00.000Z', reason: 'consent withdrawn' },
};
