import { conflict, Decider, DomainEvent } from '@suyuan/core';

/**
 * Lot codes are unique per product and organization: two batches of one product sharing a lot
 * code would share their labels' Digital Links and every recall by lot. Each code is claimed on a
 * stream of its own, appended with an expected revision, so two writers cannot both win.
 */
export type LotCodeReserved = DomainEvent<
  'LotCodeReserved',
  { productId: string; organizationId: string; lotCode: string; batchId: string; reservedAt: string }
>;

export interface ReserveLotCode {
  type: 'ReserveLotCode';
  productId: string;
  organizationId: string;
  lotCode: string;
  batchId: string;
  now: string;
  /**
   * A batch that claimed the code but was never registered (its writer stopped between the two
   * appends), as the handler found it: such a claim may be taken over once it is stale.
   */
  abandonedBatchId?: string;
}

export interface LotCodeState {
  claim?: { batchId: string; reservedAt: number };
}

/** How long a claim whose batch never appeared is kept for a writer that may still be finishing. */
export const ABANDONED_CLAIM_MS = 60_000;

export const lotCodeDecider: Decider<ReserveLotCode, LotCodeReserved, LotCodeState> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ claim: { batchId: event.data.batchId, reservedAt: Date.parse(event.data.reservedAt) } }),
  decide: (command, state) => {
    const { claim } = state;
    if (claim?.batchId === command.batchId) return [];
    const abandoned =
      claim && claim.batchId === command.abandonedBatchId && Date.parse(command.now) - claim.reservedAt > ABANDONED_CLAIM_MS;
    if (claim && !abandoned) {
      throw conflict('lot_code_taken', `Lot code ${command.lotCode} is already used by batch ${claim.batchId} of this product`, {
        field: 'lotCode',
        batchId: claim.batchId,
      });
    }
    const { productId, organizationId, lotCode, batchId, now } = command;
    return [{ type: 'LotCodeReserved', data: { productId, organizationId, lotCode, batchId, reservedAt: now } }];
  },
};
