import { conflict, Decider, forbidden } from '@suyuan/core';
import { BrandCommand } from './commands';
import { BrandEvent } from './events';

export interface BrandState {
  certified?: { standardId: string; version: number };
}

/**
 * 区域公用品牌贴标, one stream per batch. Certification is refused, with the reasons, unless
 * the batch's production rules are settled and nothing is violated; what happens to the
 * goods afterwards is for the compliance view to judge (a later violation withdraws the label).
 */
export const brandDecider: Decider<BrandCommand, BrandEvent, BrandState> = {
  initialState: () => ({}),

  evolve: (_state, event) => {
    switch (event.type) {
      case 'BatchBrandCertified':
        return { certified: { standardId: event.data.standardId, version: event.data.version } };
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown brand event: ${unknown}`);
      }
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'CertifyBatchForBrand': {
        const { actor, verdict, brand, certifiedAt } = command;
        if (actor.role !== 'standards_owner') {
          throw forbidden('role_not_allowed', 'Only a standards owner certifies batches for the regional public brand');
        }
        const standard = verdict.standard;
        if (!standard) {
          throw conflict('no_standard', `Batch ${verdict.batchId} has no product standard in force to be certified against`);
        }
        if (standard.ownerId !== actor.organizationId) {
          throw forbidden('not_standard_owner', 'Only the owner of the product standard certifies batches under it');
        }
        if (state.certified && state.certified.version === standard.version) {
          throw conflict('already_certified', `Batch ${verdict.batchId} is already certified under version ${standard.version}`);
        }
        if (verdict.status === 'non_compliant' || !verdict.productionSettled) {
          const reasons = verdict.failing.map((f) => `${f.rule} (${f.status}): ${f.reason}`);
          throw conflict(
            verdict.status === 'non_compliant' ? 'batch_not_compliant' : 'batch_not_settled',
            `Batch ${verdict.batchId} cannot carry the brand: ${reasons.join('; ')}`,
            { failing: verdict.failing },
          );
        }
        return [
          {
            type: 'BatchBrandCertified',
            data: {
              batchId: verdict.batchId,
              standardId: standard.standardId,
              version: standard.version,
              brand,
              certifiedBy: actor.organizationId,
              certifiedAt,
            },
          },
        ];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`Unknown brand command: ${unknown}`);
      }
    }
  },
};
