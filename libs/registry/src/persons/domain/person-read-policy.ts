import { Region } from '../../domain/events';
import { inJurisdiction, Jurisdiction } from '../../domain/jurisdiction';

/** The reader as the policy sees it: 'admin' for the bootstrap administrator, else the organization's role. */
export interface PersonReader {
  organizationId: string;
  role: string;
  /** Regulators only. */
  jurisdiction?: Jurisdiction;
}

export type PersonReadRight = 'registrant' | 'regulator';

/**
 * Who may read a person's personal data: the organization that recorded them, and the market
 * regulator over the place they live. Nobody else, the administrator included: running the
 * platform is no reason to know who sells to whom.
 */
export function personReadRight(reader: PersonReader, person: { registeredBy: string; region: Region }): PersonReadRight | undefined {
  if (reader.role !== 'admin' && reader.organizationId === person.registeredBy) return 'registrant';
  if (reader.role === 'regulator' && inJurisdiction(reader.jurisdiction, person.region)) return 'regulator';
  return undefined;
}

/** How a person is named where their name may not be: a household, and the village (or town) when known. Never the name. */
export function publicPersonLabel(region: Region | undefined): string {
  const place = `${region?.town ?? ''}${region?.village ?? ''}`;
  return place ? `农户（个人）·${place}` : '农户（个人）';
}
