import { Actor } from '@suyuan/core';
import { SealedPersonalData } from '@suyuan/platform';
import { Region } from '../../domain/events';
import { PersonalData } from './events';

export interface RegisterNaturalPerson {
  type: 'RegisterNaturalPerson';
  actor: Actor;
  personId: string;
  /** In clear for the decider's checks only; the event carries `sealed`. */
  personal: PersonalData;
  sealed: SealedPersonalData;
  region: Region;
  registeredAt: string;
}

export interface EraseNaturalPerson {
  type: 'EraseNaturalPerson';
  actor: Actor;
  personId: string;
  erasedAt: string;
  reason?: string;
}

export type PersonCommand = RegisterNaturalPerson | EraseNaturalPerson;
