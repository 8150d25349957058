import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { PERSONAL_KEY_VAULT, PersonalKeyVault, UnsealError, openPersonalData, sealPersonalData } from '@suyuan/platform';
import { ProblemKind, ProblemReport, ReportCursor, ReportsQuery, SCAN_LOG, ScanLog, reportContactSubject } from './scan-log.port';
import { SignalsScopes } from './signals-scope';

/** What a consumer's report says, before it is kept. */
export interface ReportTaken {
  at: number;
  code: string;
  kind: ProblemKind;
  description: string;
  contact?: string;
  client: string;
  ownerId: string;
  productId: string;
}

/** A report as its readers see it: the contact opened, or said to be erased; never the client's hash. */
export interface ReportRead {
  id: string;
  at: string;
  code: string;
  kind: ProblemKind;
  description: string;
  contact?: string;
  contactErased?: true;
  ownerId?: string;
  productId?: string;
}

/**
 * Consumers' problem reports. The contact a reporter leaves (a phone number, an e-mail) is
 * personal data: it is sealed under a key of the report's own, kept in the personal key vault
 * beside the people's keys, and erased by destroying that key — on the reporter's request to the
 * brand owner or the regulator, who read it.
 */
@Injectable()
export class ProblemReports implements OnModuleInit {
  constructor(
    @Inject(SCAN_LOG) private readonly log: ScanLog,
    @Inject(PERSONAL_KEY_VAULT) private readonly vault: PersonalKeyVault,
    private readonly scopes: SignalsScopes,
  ) {}

  /** Seals the contacts an earlier version kept in clear. */
  async onModuleInit(): Promise<void> {
    for (const { id, contact } of await this.log.clearContacts()) {
      const subject = reportContactSubject(id);
      const key = (await this.vault.get(subject)) ?? (await this.vault.create(subject));
      await this.log.sealContact(id, sealPersonalData(key, subject, contact));
    }
  }

  async take(taken: ReportTaken): Promise<ProblemReport> {
    const id = randomUUID();
    const { contact, ...rest } = taken;
    const subject = reportContactSubject(id);
    const sealedContact = contact ? sealPersonalData(await this.vault.create(subject), subject, contact) : undefined;
    const report: ProblemReport = { id, ...rest, ...(sealedContact && { sealedContact }) };
    await this.log.addReport(report);
    return report;
  }

  /** A page of the reports the actor may read (see `SignalsScopes`), newest first, and where the next page starts. */
  async list(actor: Actor, query: Record<string, unknown>, page: { before?: ReportCursor; limit: number }, now: number) {
    const scope: ReportsQuery = { ...(await this.scopes.scope(actor, query, now)), ...page, limit: page.limit + 1 };
    const found = await this.log.reports(scope);
    const more = found.length > page.limit;
    const reports = found.slice(0, page.limit);
    const last = reports[reports.length - 1];
    return { reports: await Promise.all(reports.map((r) => this.read(r))), next: more && last ? { at: last.at, id: last.id } : undefined };
  }

  /** Erases the reporter's contact: for the brand owner and the regulators over it (and the administrator). */
  async eraseContact(actor: Actor, id: string, now: number): Promise<void> {
    const report = await this.log.report(id);
    if (!report) throw notFound('report_not_found', `no problem report ${id}`);
    const { owners } = await this.scopes.scope(actor, {}, now);
    if (owners && !(report.ownerId && owners.includes(report.ownerId))) {
      throw forbidden('not_your_report', `problem report ${id} is about another organization's item`);
    }
    await this.vault.destroy(reportContactSubject(id));
    await this.log.dropContact(id);
  }

  private async read({ client: _client, sealedContact, at, ...report }: ProblemReport): Promise<ReportRead> {
    const read: ReportRead = { ...report, at: new Date(at).toISOString() };
    if (!sealedContact) return read;
    const subject = reportContactSubject(report.id);
    const key = await this.vault.get(subject);
    if (!key) return { ...read, contactErased: true };
    try {
      return { ...read, contact: openPersonalData<string>(key, subject, sealedContact) };
    } catch (error) {
      if (error instanceof UnsealError) return { ...read, contactErased: true };
      throw error;
    }
  }
}
