import { Quantity } from '@suyuan/production';
import { ProcessStep } from '../domain/events';

/** One input lot as a processor names it: a quantity of it, all that remains of it, or whole packed cartons. */
export interface InputRequest {
  batchId: string;
  quantity?: Quantity;
  whole?: boolean;
  cartonIds?: string[];
}

/** A new output lot of a product, or more of an output lot the processor already has. */
export interface OutputRequest {
  productId?: string;
  batchId?: string;
  lotCode?: string;
  quantity: Quantity;
  /** Live animals counted in heads: their total live weight. */
  liveWeight?: Quantity;
}

/** What `POST /api/transformations` asks, as the application reads it. */
export interface TransformationRequest {
  plantId: string;
  process: string;
  startedAt: string;
  endedAt: string;
  steps?: ProcessStep[];
  quarantineCertificateNo?: string;
  inputs: InputRequest[];
  outputs: OutputRequest[];
}
