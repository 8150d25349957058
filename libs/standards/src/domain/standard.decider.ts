import { Decider, forbidden, invalid, notFound, parseTime } from '@suyuan/core';
import { StandardCommand } from './commands';
import { StandardEvent } from './events';
import { validateRules } from './validate-rules';

export interface StandardState {
  ownerId?: string;
  versions: { version: number; effectiveFrom: string }[];
}

/**
 * A product's trading standard, one stream per product: version 1 is its first publication,
 * each revision the next version. Only a standards owner publishes, and only the owner of
 * version 1 revises; a revision takes effect no earlier than the version before it.
 */
export const standardDecider: Decider<StandardCommand, StandardEvent, StandardState> = {
  initialState: () => ({ versions: [] }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ProductStandardPublished':
        return {
          ownerId: state.ownerId ?? event.data.ownerId,
          versions: [...state.versions, { version: event.data.version, effectiveFrom: event.data.effectiveFrom }],
        };
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown standard event: ${unknown}`);
      }
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'PublishStandard': {
        const { actor, product, standardId, title, description, effectiveFrom, rules } = command;
        if (actor.role !== 'standards_owner') {
          throw forbidden(
            'role_not_allowed',
            'Only a standards owner (电商公共服务中心 or product association) publishes product standards',
          );
        }
        if (!product) throw notFound('product_not_found', 'The standard names a product that is not registered');
        if (state.ownerId !== undefined && state.ownerId !== actor.organizationId) {
          throw forbidden('not_standard_owner', `The standard for product ${product.id} is owned by another organization`);
        }
        if (typeof title !== 'string' || title.trim() === '')
          throw invalid('invalid_standard', 'A standard needs a title', { rule: 'title' });
        const effective = parseTime('effectiveFrom', effectiveFrom);
        const previous = state.versions[state.versions.length - 1];
        if (previous && effective < Date.parse(previous.effectiveFrom)) {
          throw invalid(
            'effective_before_previous',
            `effectiveFrom ${effectiveFrom} is before version ${previous.version}'s ${previous.effectiveFrom}: a revision cannot take effect earlier`,
            { rule: 'effectiveFrom' },
          );
        }
        return [
          {
            type: 'ProductStandardPublished',
            data: {
              standardId,
              version: (previous?.version ?? 0) + 1,
              productId: product.id,
              ownerId: actor.organizationId,
              title: title.trim(),
              ...(description !== undefined && { description }),
              effectiveFrom: new Date(effective).toISOString(),
              rules: validateRules(rules, product.grades),
            },
          },
        ];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`Unknown standard command: ${unknown}`);
      }
    }
  },
};
