import { DomainEvent, eventTypes } from '@suyuan/core';
import { Quantity } from '@suyuan/production';

/** One step of a process with its parameters: 杀青 at 260 °C for 3 min, 烘干 at 90 °C. */
export interface ProcessStep {
  name: string;
  startedAt?: string;
  endedAt?: string;
  parameters: Record<string, number | string>;
}

/** What a transformation took from one input lot, as that lot's stream accepted it. */
export interface TransformationInput {
  batchId: string;
  lotCode: string;
  productId: string;
  /** The lot's owner (the cooperative that grew it, or the processor that made or bought it). */
  ownerId: string;
  /** In the lot's base unit (kg, or head/piece when counted). */
  quantity: Quantity;
  /** The same by weight, when known: what yields are computed on. */
  weightKg?: number;
  /** When the input was given as packed cartons. */
  cartonIds?: string[];
}

/** A lot the transformation made (or added to). */
export interface TransformationOutput {
  batchId: string;
  lotCode: string;
  productId: string;
  quantity: Quantity;
  weightKg?: number;
  /** True when the transformation registered the lot; false when it added to an existing one. */
  newLot: boolean;
}

/**
 * 加工: a processor turned input lots into output lots at one of its plants. Recorded on the
 * transformation's own stream once every input lot accepted its reservation; the outputs are
 * batches of their own, registered after it.
 */
export type TransformationRecorded = DomainEvent<
  'TransformationRecorded',
  {
    transformationId: string;
    processorId: string;
    plantId: string;
    /** What kind of processing: e.g. tea_processing, slaughter, milling, blending. */
    process: string;
    startedAt: string;
    endedAt: string;
    steps: ProcessStep[];
    inputs: TransformationInput[];
    outputs: TransformationOutput[];
    /** 动物检疫合格证明 number, for live animals taken in. */
    quarantineCertificateNo?: string;
    /** Outputs' weight over inputs' weight, in %, when both are known by weight. */
    yieldPct?: number;
  }
>;

export type TransformationEvent = TransformationRecorded;

export const TRANSFORMATION_EVENT_TYPES = eventTypes<TransformationEvent>({ TransformationRecorded: true });
