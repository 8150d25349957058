import { SealedPersonalData } from '@suyuan/platform';
import { Region } from '../domain/events';
import { PersonalData } from './domain/events';
import { maskIdNumber } from './domain/id-number';

/** The `persons` read model: what the log holds of a person, the personal data still sealed (and gone once erased). */
export interface PersonDoc {
  id: string;
  registeredBy: string;
  region: Region;
  sealed?: SealedPersonalData;
  registeredAt: string;
  erased: boolean;
  erasedAt?: string;
}

/** A person as the registering organization or the regulator over their place reads them. */
export interface PersonRecordView {
  id: string;
  registeredBy: string;
  region: Region;
  registeredAt: string;
  erased: false;
  name: string;
  /** Masked (`440281********1237`) unless the reader asked to reveal it. */
  idNumber: string;
  phone?: string;
}

/** An erased person: no personal field is left. `erasedAt` is absent only between the key's destruction and the erasure's record. */
export interface ErasedPersonView {
  id: string;
  erased: true;
  erasedAt?: string;
  region: Region;
}

export type PersonView = PersonRecordView | ErasedPersonView;

/** What other capabilities may know of a person without reading them. */
export interface PersonRef {
  id: string;
  region: Region;
  erased: boolean;
  registeredBy: string;
}

/** The person's view from the document and the data its key opened; without that data, the person is erased. */
export function personView(doc: PersonDoc, personal: PersonalData | undefined, options: { revealIdNumber?: boolean } = {}): PersonView {
  if (doc.erased || !personal) return { id: doc.id, erased: true, erasedAt: doc.erasedAt, region: doc.region };
  return {
    id: doc.id,
    registeredBy: doc.registeredBy,
    region: doc.region,
    registeredAt: doc.registeredAt,
    erased: false,
    name: personal.name,
    idNumber: options.revealIdNumber ? personal.idNumber : maskIdNumber(personal.idNumber),
    ...(personal.phone !== undefined && { phone: personal.phone }),
  };
}
