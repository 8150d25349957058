import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@suyuan/core';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { decodeCursor } from '../domain/cursor';
import { AuditEntry } from '../domain/entry';
import { HistoryFilter } from '../domain/filter';
import { SubjectKind } from '../domain/subjects';
import { entryPage, EntryBounds } from './history-entries';
import { HistoryRow, historyRows } from './history-rows';
import { HistorySubjects, ReadableSubject } from './history-subjects';

/** What a reader asks of a history, parsed and checked. */
export interface HistoryRequest {
  kind: SubjectKind;
  id: string;
  cursor?: string;
  limit: number;
  filter: HistoryFilter;
}

export interface HistoryPage {
  subject: { kind: SubjectKind; id: string; title: string };
  rows: HistoryRow[];
  /** Present when more of the history remains: pass it as `cursor`. */
  nextCursor?: string;
}

/** A selection of a history for an export: its entries known, its rows read as they are written out. */
export interface HistorySelection {
  subject: ReadableSubject;
  entries: AuditEntry[];
  nextCursor?: string;
  rows(from: number, to: number): Promise<HistoryRow[]>;
}

/** Index entries a page may step over to fill itself under a narrow filter. */
const PAGE_SCAN = 5_000;
/** An export's: its rows are at most EXPORT_LIMIT. */
const EXPORT_SCAN = 100_000;

@Injectable()
export class HistoryQuery {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly subjects: HistorySubjects,
  ) {}

  async page(actor: Actor, request: HistoryRequest): Promise<HistoryPage> {
    const selection = await this.select(actor, request, { limit: request.limit, scanBudget: PAGE_SCAN });
    const { kind, id, title } = selection.subject;
    return {
      subject: { kind, id, title },
      rows: await selection.rows(0, selection.entries.length),
      ...(selection.nextCursor && { nextCursor: selection.nextCursor }),
    };
  }

  /** The entries of an export, chosen before a byte is written so that its cursor can go in a header. */
  exportSelection(actor: Actor, request: HistoryRequest): Promise<HistorySelection> {
    return this.select(actor, request, { limit: request.limit, scanBudget: EXPORT_SCAN });
  }

  private async select(actor: Actor, request: HistoryRequest, bounds: EntryBounds): Promise<HistorySelection> {
    const subject = await this.subjects.readable(await this.subjects.viewer(actor), request.kind, request.id);
    const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, subject.lists.length);
    const { entries, nextCursor } = await entryPage(this.docs, subject.lists, cursor, request.filter, bounds);
    return {
      subject,
      entries,
      ...(nextCursor && { nextCursor }),
      rows: (from, to) => historyRows(this.events, this.docs, entries.slice(from, to)),
    };
  }
}
