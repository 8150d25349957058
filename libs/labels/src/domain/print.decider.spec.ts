import { deciderSpec } from '@suyuan/core/testing';
import { LabelsPrinted } from './events';
import { MAX_LABELS_PER_JOB, PrintLabels, printDecider } from './print.decider';

const given = deciderSpec(printDecider);

const coop = { organizationId: 'ORG-COOP', keyId: 'key-coop', role: 'cooperative' };
const print: PrintLabels = {
  type: 'PrintLabels',
  actor: coop,
  jobId: 'LJ1',
  batchId: 'B1',
  format: 'pdf',
  layout: 'a4-3x8',
  selection: { kind: 'packing', packingId: 'PK1' },
  codes: ['A', 'B', 'C'],
  batch: { held: false, certificate: 'standing' },
  printedAt: '2026-07-15T04:00:00.000Z',
};

const printed = (over: Partial<LabelsPrinted['data']> = {}): LabelsPrinted => ({
  type: 'LabelsPrinted',
  data: {
    jobId: 'LJ1',
    batchId: 'B1',
    format: 'pdf',
    layout: 'a4-3x8',
    selection: { kind: 'packing', packingId: 'PK1' },
    codes: ['A', 'B', 'C'],
    labelCount: 3,
    reprintCount: 0,
    printedAt: '2026-07-15T04:00:00.000Z',
    ...over,
  },
});

describe('print decider', () => {
  it('records a first print of the codes with no reprints', () => {
    given([]).when(print).then([printed()]);
  });

  it('counts the codes an earlier job printed as reprints, whatever its format', () => {
    given([printed({ format: 'csv', layout: undefined, codes: ['A', 'B'] })])
      .when({ ...print, jobId: 'LJ2', selection: { kind: 'codes', codes: ['B', 'C'] }, codes: ['B', 'C'] })
      .then([
        printed({ jobId: 'LJ2', selection: { kind: 'codes', codes: ['B', 'C'] }, codes: ['B', 'C'], labelCount: 2, reprintCount: 1 }),
      ]);
  });

  it('prints certificates as copies, a second print of them a reprint', () => {
    const certificates = {
      ...print,
      format: 'certificate' as const,
      layout: 'a4-2x4',
      selection: { kind: 'batch' as const },
      codes: [],
      copies: 4,
    };
    const first = printed({ format: 'certificate', layout: 'a4-2x4', selection: { kind: 'batch' }, codes: [], labelCount: 4 });
    given([printed()]).when(certificates).then([first]);
    given([printed(), first])
      .when({ ...certificates, copies: 2 })
      .then([{ ...first, data: { ...first.data, labelCount: 2, reprintCount: 2 } }]);
  });

  it('refuses the labels of a held batch, an empty selection and more than the job limit', () => {
    given([])
      .when({ ...print, batch: { held: true, certificate: 'withdrawn' } })
      .thenThrows({ kind: 'conflict', code: 'batch_held' });
    given([])
      .when({ ...print, codes: [] })
      .thenThrows({ kind: 'conflict', code: 'nothing_to_print' });
    const tooMany = Array.from({ length: MAX_LABELS_PER_JOB + 1 }, (_, i) => `C${i}`);
    const error = given([])
      .when({ ...print, codes: tooMany })
      .thenThrows({ kind: 'invalid', code: 'too_many_labels' });
    expect(error.details).toEqual({ count: 10_001, limit: 10_000, pages: 2 });
  });

  it('prints exactly the job limit as one job', () => {
    const codes = Array.from({ length: MAX_LABELS_PER_JOB }, (_, i) => `C${i}`);
    expect(printDecider.decide({ ...print, codes }, printDecider.initialState())[0].data.labelCount).toBe(10_000);
  });

  it('refuses a certificate the batch lacks or that a hold withdrew, and copies out of range', () => {
    const certificate = { ...print, format: 'certificate' as const, codes: [] };
    given([])
      .when({ ...certificate, batch: { held: false, certificate: 'none' } })
      .thenThrows({ kind: 'conflict', code: 'no_certificate' });
    given([])
      .when({ ...certificate, batch: { held: true, certificate: 'withdrawn' } })
      .thenThrows({ kind: 'conflict', code: 'certificate_withdrawn' });
    given([])
      .when({ ...certificate, copies: 501 })
      .thenThrows({ kind: 'invalid', code: 'invalid_copies', details: { field: 'copies' } });
  });

  it('lets only those who label goods print', () => {
    given([])
      .when({ ...print, actor: { ...coop, role: 'regulator' } })
      .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_print' });
  });
});
