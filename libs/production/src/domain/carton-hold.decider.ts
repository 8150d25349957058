import { Decider, invalid } from '@suyuan/core';
import { UnitHeld, UnitHoldReleased } from './events';
import { RegulatorHoldCommand, RegulatorHolds, decideHold, decideRelease, evolveHolds } from './regulator-hold';

export type CartonEvent = UnitHeld | UnitHoldReleased;

export interface CartonState {
  holds: RegulatorHolds;
}

export const cartonStream = (cartonId: string) => `carton-${cartonId}`;

/**
 * One stream per carton that a regulator ever held: a dispatch reads it beside the carton's
 * batch's, so a held carton never leaves, whichever instance takes the request.
 */
export const cartonHoldDecider: Decider<RegulatorHoldCommand, CartonEvent, CartonState> = {
  initialState: () => ({ holds: {} }),
  evolve: (state, event) => ({ holds: evolveHolds(state.holds, event) }),
  decide: (command, state) => {
    if (command.unit.kind !== 'carton') throw invalid('wrong_stream', 'A lot or an item is held on its batch’s stream');
    return command.type === 'HoldUnit' ? decideHold(command, state.holds) : decideRelease(command, state.holds);
  },
};
