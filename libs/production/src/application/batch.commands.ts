import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { BatchView, HandoverView } from '../batch.views';
import {
  RecordCertification,
  RecordFarmInput,
  RecordGrading,
  RecordHarvest,
  RecordPreCooling,
  RecordQualityTest,
} from '../domain/commands';
import { CertificateBasis, GradeClassResult, PackedCarton, PackedItem, Quantity, VoidReason } from '../domain/events';

/**
 * A domain command as a caller asks it of the batch it names: without the actor and the clock's
 * `now`, and without what the handler mints or looks up. Times are as sent: the handler reads
 * them, naming the field that is wrong.
 */
type OfBatch<C, Added extends keyof C = never> = Omit<C, 'actor' | 'now' | Added> & { batchId: string };

/** Attributes arrive as a free-form object: the handler keeps only finite numbers under plain names. */
type GradeClassInput = Omit<GradeClassResult, 'attributes'> & { attributes: Record<string, unknown> };

interface PackingLine {
  grade: string;
  count: number;
  netWeight: Quantity;
  itemsPerCarton: number;
}

/** What a caller may ask of a batch, from its registration to its hand-overs. */
export type BatchCommandInput =
  | { type: 'RegisterBatch'; productId: string; farmPlotId: string; lotCode?: string; plannedQuantity?: Quantity }
  | OfBatch<RecordFarmInput, 'inputId'>
  | OfBatch<RecordHarvest, 'harvestId'>
  | (OfBatch<RecordPreCooling, 'facility'> & { facilityId: string })
  | (OfBatch<RecordQualityTest, 'testId' | 'facility'> & { facilityId?: string })
  | (OfBatch<RecordGrading, 'gradingId' | 'facility' | 'classes'> & { facilityId: string; classes: GradeClassInput[] })
  | { type: 'PackBatch'; batchId: string; facilityId: string; packedAt: string; lines: PackingLine[] }
  | { type: 'VoidItemCode'; batchId: string; code: string; reason: VoidReason; note?: string; replace?: boolean }
  | {
      type: 'IssueComplianceCertificate';
      batchId: string;
      quantity: Quantity;
      issuedAt?: string;
      basis: CertificateBasis[];
      contactPhone?: string;
    }
  | OfBatch<RecordCertification>
  | { type: 'HandOverBatch'; batchId: string; toOrganizationId: string; handedOverAt?: string; note?: string }
  | { type: 'AcceptHandover'; batchId: string; handoverId: string; acceptedAt?: string }
  | { type: 'EndHandover'; batchId: string; handoverId: string; endedAt?: string };

export type BatchCommandInputOf<T extends BatchCommandInput['type']> = Extract<BatchCommandInput, { type: T }>;

/** A packing's answer: every code minted, with the URL its QR label carries. */
export interface PackingResult {
  batchId: string;
  packingId: string;
  packedAt: string;
  cartons: (PackedCarton & { itemCodes: string[] })[];
  items: (PackedItem & { scanUrl: string })[];
}

/** A voiding's answer: the voided code, and the replacement's code with the URL its new label carries. */
export interface VoidingResult {
  batchId: string;
  code: string;
  reason: VoidReason;
  note?: string;
  voidedAt: string;
  replacement?: PackedItem & { packingId: string; scanUrl: string };
}

/** What each command answers: the batch as it now stands, but for packing and hand-overs. */
export interface BatchAnswers {
  RegisterBatch: BatchView;
  RecordFarmInput: BatchView;
  RecordHarvest: BatchView;
  RecordPreCooling: BatchView;
  RecordQualityTest: BatchView;
  RecordGrading: BatchView;
  PackBatch: PackingResult;
  VoidItemCode: VoidingResult;
  IssueComplianceCertificate: BatchView;
  RecordCertification: BatchView;
  HandOverBatch: HandoverView;
  AcceptHandover: HandoverView;
  EndHandover: HandoverView;
}

export class BatchWrite<I extends BatchCommandInput = BatchCommandInput> extends Command<BatchAnswers[I['type']]> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: I,
  ) {
    super();
  }
}
