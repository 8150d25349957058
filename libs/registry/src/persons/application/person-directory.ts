import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { openPersonalData, PERSONAL_KEY_VAULT, PersonalKeyVault } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { jurisdictionOf } from '../../domain/jurisdiction';
import { OrganizationRegion } from '../../domain/events';
import { OrganizationView } from '../../registry.views';
import { PersonalData } from '../domain/events';
import { PersonReader, personReadRight, publicPersonLabel } from '../domain/person-read-policy';
import { ErasedPersonView, PersonDoc, PersonRef, PersonView, personView } from '../person.views';

/**
 * Natural persons as others may know them: the read policy applied, the personal data opened
 * with the person's key for those allowed, and a household's label for everyone else.
 */
@Injectable()
export class PersonDirectory {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(PERSONAL_KEY_VAULT) private readonly vault: PersonalKeyVault,
  ) {}

  /** The person, for the registering organization or the regulator over their place; 404 or 403 `not_allowed_to_read` otherwise. */
  async read(actor: Actor, personId: string, options: { revealIdNumber?: boolean } = {}): Promise<PersonView> {
    const doc = await this.docs.get<PersonDoc>('persons', personId);
    if (!doc) throw notFound('person_not_found', `no person ${personId}`);
    const region =
      actor.role === 'regulator' ? (await this.docs.get<OrganizationView>('organizations', actor.organizationId))?.region : undefined;
    if (!personReadRight(readerOf(actor.organizationId, actor.role, region), doc)) {
      throw forbidden(
        'not_allowed_to_read',
        'a person is read by the organization that registered them and the regulator over their place',
      );
    }
    return personView(doc, await this.open(doc), options);
  }

  /** The persons the caller's organization registered, their ID numbers masked. */
  async list(actor: Actor): Promise<PersonView[]> {
    const docs = await this.docs.find<PersonDoc>('persons', { registeredBy: actor.organizationId });
    return Promise.all(docs.map(async (doc) => personView(doc, await this.open(doc))));
  }

  /** An erased person's record: what stays of them. */
  async erased(personId: string): Promise<ErasedPersonView> {
    const doc = await this.docs.get<PersonDoc>('persons', personId);
    if (!doc) throw notFound('person_not_found', `no person ${personId}`);
    return { id: doc.id, erased: true, erasedAt: doc.erasedAt, region: doc.region };
  }

  /** Whether the person is registered, and what anyone may know of them; erased too once their key is gone. */
  async exists(personId: string): Promise<PersonRef | undefined> {
    const doc = await this.docs.get<PersonDoc>('persons', personId);
    if (!doc) return undefined;
    const erased = doc.erased || !(await this.vault.get(personId));
    return { id: doc.id, region: doc.region, erased, registeredBy: doc.registeredBy };
  }

  /**
   * The person's name for an organization the read policy lets read them (`forOrg`, an
   * organization id); for anyone else, the public (undefined), or an erased person, the
   * household's label (`农户（个人）·北乡镇茶料村`), never the name.
   */
  async displayName(personId: string, forOrg?: string): Promise<string | undefined> {
    const doc = await this.docs.get<PersonDoc>('persons', personId);
    if (!doc) return undefined;
    const organization = forOrg === undefined ? undefined : await this.docs.get<OrganizationView>('organizations', forOrg);
    const allowed = organization && personReadRight(readerOf(organization.id, organization.role, organization.region), doc);
    const personal = allowed ? await this.open(doc) : undefined;
    return personal?.name ?? publicPersonLabel(doc.region);
  }

  /** The person's data, or undefined once erased: also when the key is gone but the erasure not yet recorded. */
  private async open(doc: PersonDoc): Promise<PersonalData | undefined> {
    if (doc.erased || !doc.sealed) return undefined;
    const key = await this.vault.get(doc.id);
    return key && openPersonalData<PersonalData>(key, doc.id, doc.sealed);
  }
}

/** A regulator's region is its jurisdiction; no other role's region gives it any right to read. */
function readerOf(organizationId: string, role: string, region: OrganizationRegion | undefined): PersonReader {
  return role === 'regulator' ? { organizationId, role, jurisdiction: jurisdictionOf(region) } : { organizationId, role };
}
