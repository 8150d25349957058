import { DomainEvent, StoredDomainEvent } from '@suyuan/core';
import { LABEL_EVENT_TYPES } from '@suyuan/labels';
import { TRANSFORMATION_EVENT_TYPES } from '@suyuan/processing';
import { BATCH_EVENT_TYPES } from '@suyuan/production';
import { RECALL_EVENT_TYPES } from '@suyuan/recalls';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { entryOf } from './domain/entry';
import { subjectKey, subjectsOf } from './domain/subjects';
import { AUDIT_PAGE_SIZE, AUDIT_PAGES, AUDIT_SUBJECTS, AuditPageView, AuditSubjectView, pageId } from './history.views';

/** Every event type the history lists: all that the libraries below record. */
export const AUDITED_EVENT_TYPES: readonly string[] = [
  ...BATCH_EVENT_TYPES,
  'LotCodeReserved',
  'ShipmentDispatched',
  'ShipmentReceived',
  'ShipmentDelivered',
  'ColdChainReadingsRecorded',
  ...TRANSFORMATION_EVENT_TYPES,
  'OrganizationRegistered',
  'ApiKeyIssued',
  'ApiKeyRevoked',
  'FacilityRegistered',
  'ProductRegistered',
  'NaturalPersonRegistered',
  'NaturalPersonErased',
  'ProductStandardPublished',
  'BatchBrandCertified',
  ...LABEL_EVENT_TYPES,
  ...RECALL_EVENT_TYPES,
  'SpotCheckSampled',
  'SpotCheckResultRecorded',
];

/**
 * The audit index: every event appended to the list of each subject it names (a batch, carton,
 * item, shipment, facility, organization), and an event naming a carton to its batch's list too,
 * so that a batch's history holds its cartons' shipments. A list is kept in pages of a fixed size
 * under its head, so that any page of it is one lookup and appending rewrites one small page.
 */
export const historyProjection: Projection<DomainEvent> = {
  name: 'audit-history',
  eventTypes: AUDITED_EVENT_TYPES,
  reads(event) {
    const subjects = subjectsOf(event.data, event.metadata);
    return [...subjects.direct].map((key): DocRef => ({ collection: AUDIT_SUBJECTS, id: key }));
  },
  apply(event, docs) {
    const subjects = subjectsOf(event.data, event.metadata);
    const listed = new Map<string, string[]>([...subjects.direct].map((key) => [key, subjects.handlers]));
    for (const carton of subjects.cartons) {
      for (const batchId of docs.get<AuditSubjectView>(AUDIT_SUBJECTS, subjectKey('carton', carton))?.batchIds ?? []) {
        // Listed under the batch, but handling a carton does not open the whole batch's history.
        if (!listed.has(subjectKey('batch', batchId))) listed.set(subjectKey('batch', batchId), []);
      }
    }
    const writes: DocWrite[] = [];
    for (const [key, handlers] of listed) {
      const head = docs.get<AuditSubjectView>(AUDIT_SUBJECTS, key) ?? { key, count: 0, handlers: [] };
      const cartonOf = subjects.batchId && key.startsWith('carton:') ? subjects.batchId : undefined;
      writes.push({ collection: AUDIT_SUBJECTS, id: key, doc: nextHead(head, handlers, cartonOf) }, appended(docs, head, event));
    }
    return writes;
  },
};

function nextHead(head: AuditSubjectView, handlers: string[], batchId: string | undefined): AuditSubjectView {
  const known = new Set(head.handlers);
  const added = handlers.filter((h) => !known.has(h));
  const batchIds = batchId && !(head.batchIds ?? []).includes(batchId) ? [...(head.batchIds ?? []), batchId] : head.batchIds;
  return {
    ...head,
    count: head.count + 1,
    handlers: added.length > 0 ? [...head.handlers, ...added] : head.handlers,
    ...(batchIds && { batchIds }),
  };
}

function appended(docs: DocReader, head: AuditSubjectView, event: StoredDomainEvent): DocWrite {
  const page = Math.floor(head.count / AUDIT_PAGE_SIZE);
  const id = pageId(head.key, page);
  const entries = head.count % AUDIT_PAGE_SIZE === 0 ? [] : (docs.get<AuditPageView>(AUDIT_PAGES, id)?.entries ?? []);
  const doc: AuditPageView = { key: head.key, page, entries: [...entries, entryOf(event)] };
  return { collection: AUDIT_PAGES, id, doc };
}
