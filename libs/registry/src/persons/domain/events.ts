import { DomainEvent } from '@suyuan/core';
import { SealedPersonalData } from '@suyuan/platform';
import { Region } from '../../domain/events';

/**
 * A household that is not an organization, recorded as a natural person (自然人, NY/T 4712:
 * name and ID number). What identifies the person is in `sealed` only, under a key of the
 * person's own kept outside the log; what stays in clear is coarse and names nobody.
 */
export interface PersonalData {
  name: string;
  /** 居民身份证号码, 18 characters, check character verified. */
  idNumber: string;
  phone?: string;
}

export type NaturalPersonRegistered = DomainEvent<
  'NaturalPersonRegistered',
  {
    personId: string;
    /** The organization that recorded the person (the purchaser buying from the household). */
    registeredBy: string;
    /** `PersonalData`, sealed with the person's key, the person id authenticated with it. */
    sealed: SealedPersonalData;
    region: Region;
    registeredAt: string;
  }
>;

/** The person's key was destroyed before this was recorded: `sealed` opens no more (PIPL 删除). */
export type NaturalPersonErased = DomainEvent<
  'NaturalPersonErased',
  {
    personId: string;
    erasedBy: string;
    erasedAt: string;
    /** Why, never who: it stays in the record in clear. */
    reason?: string;
  }
>;

export type PersonEvent = NaturalPersonRegistered | NaturalPersonErased;
