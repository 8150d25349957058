import { AuditEntry } from './domain/entry';

/** Index documents of the audit history: a head per subject and its entries in pages of this size. */
export const AUDIT_SUBJECTS = 'auditSubjects';
export const AUDIT_PAGES = 'auditPages';
/** Small, because the last page of each subject an event names is rewritten with it. */
export const AUDIT_PAGE_SIZE = 50;

/** A subject's list: how many events name it and who handled it. */
export interface AuditSubjectView {
  key: string;
  count: number;
  /** Organizations that recorded an event naming it, or own it. */
  handlers: string[];
  /** For a carton: the batch it was packed from. */
  batchIds?: string[];
}

/** Entries `page * AUDIT_PAGE_SIZE` onward of a subject's list, in the order they were recorded. */
export interface AuditPageView {
  key: string;
  page: number;
  entries: AuditEntry[];
}

export const pageId = (key: string, page: number) => `${key}#${page}`;
