import { conflict, Decider, forbidden, invalid } from '@suyuan/core';
import { ProductCommand } from './commands';
import { ProductEvent, TemperatureRange, YieldPerMu } from './events';
import { isValidGtin, toGtin14 } from './gtin';

/** The grade classes of the NY/T grade standards, used when a product names none of its own. */
const DEFAULT_GRADES = ['特级', '一级', '二级'];

/** Product standards are published by the county's e-commerce centre or product association. */
const PUBLISHERS = ['admin', 'standards_owner'];

export interface ProductState {
  registered: boolean;
}

export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  initialState: () => ({ registered: false }),

  evolve: (_state, event) => {
    switch (event.type) {
      case 'ProductRegistered':
        return { registered: true };
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown product event: ${unknown}`);
      }
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterProduct': {
        const { actor, productId, nameZh, nameEn, category, storageClass, storageRange, transportRange, gtin } = command;
        if (!PUBLISHERS.includes(actor.role)) {
          throw forbidden('role_not_allowed', 'Only the administrator or a standards owner may register products');
        }
        if (state.registered) {
          throw conflict('product_exists', `Product ${productId} is already registered`);
        }
        if (gtin !== undefined && !isValidGtin(gtin)) {
          throw invalid('invalid_gtin', `"${gtin}" is not a valid GTIN: 8, 12, 13 or 14 digits ending in a GS1 mod-10 check digit`);
        }
        checkRange('storageRange', storageRange);
        checkRange('transportRange', transportRange);
        const grades = command.grades ?? DEFAULT_GRADES;
        checkGrades(grades);
        const madeFrom = command.madeFrom;
        if (madeFrom !== undefined && (madeFrom.length === 0 || madeFrom.includes(productId))) {
          throw invalid('invalid_made_from', 'madeFrom names one or more other products', { field: 'madeFrom' });
        }
        const yieldPerMu = command.yieldPerMu;
        if (yieldPerMu !== undefined) checkYield(yieldPerMu);
        return [
          {
            type: 'ProductRegistered',
            data: {
              productId,
              nameZh,
              nameEn,
              category,
              storageClass,
              storageRange,
              transportRange,
              gtin: gtin === undefined ? undefined : toGtin14(gtin),
              grades: [...grades],
              ...(madeFrom !== undefined && { madeFrom: [...new Set(madeFrom)] }),
              ...(yieldPerMu !== undefined && { yieldPerMu: { ...yieldPerMu } }),
            },
          },
        ];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`Unknown product command: ${unknown}`);
      }
    }
  },
};

function checkRange(field: string, range: TemperatureRange | undefined): void {
  if (range === undefined) return;
  if (!Number.isFinite(range.minC) || !Number.isFinite(range.maxC) || range.minC > range.maxC) {
    throw invalid('invalid_temperature_range', `${field} must have finite minC <= maxC; got ${range.minC} to ${range.maxC} °C`, { field });
  }
}

/** The most one 亩 can believably give in a season: 100 t (greenhouse vegetables give a tenth of it). */
const MAX_YIELD_KG_PER_MU = 100_000;

function checkYield({ kg, seasonStartMonth }: YieldPerMu): void {
  if (typeof kg !== 'number' || !Number.isFinite(kg) || kg <= 0 || kg > MAX_YIELD_KG_PER_MU) {
    throw invalid('invalid_yield', `yieldPerMu.kg must be more than 0 and at most ${MAX_YIELD_KG_PER_MU} kg per 亩; got ${kg}`, {
      field: 'yieldPerMu.kg',
    });
  }
  if (seasonStartMonth !== undefined && !(Number.isInteger(seasonStartMonth) && seasonStartMonth >= 1 && seasonStartMonth <= 12)) {
    throw invalid('invalid_yield', `yieldPerMu.seasonStartMonth must be a month from 1 to 12; got ${seasonStartMonth}`, {
      field: 'yieldPerMu.seasonStartMonth',
    });
  }
}

function checkGrades(grades: string[]): void {
  if (grades.length === 0) {
    throw invalid('invalid_grades', 'A product needs at least one grade class');
  }
  if (grades.some((grade) => typeof grade !== 'string' || grade.trim() === '')) {
    throw invalid('invalid_grades', 'Grade classes must be non-blank names');
  }
  const repeated = grades.filter((grade, i) => grades.indexOf(grade) !== i);
  if (repeated.length > 0) {
    throw invalid('invalid_grades', `Grade classes must be unique; repeated: ${[...new Set(repeated)].join(', ')}`);
  }
}
