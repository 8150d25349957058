import { addFlows, flowOf, totalFlow } from './flows';

describe('flows', () => {
  it('count weights in kg', () => {
    expect(flowOf({ value: 1.5, unit: 't' })).toEqual({ kg: 1500 });
    expect(flowOf({ value: 250, unit: 'g' })).toEqual({ kg: 0.25 });
  });

  it('weigh heads and pieces by the weight given for them, and count them apart without one', () => {
    expect(flowOf({ value: 20, unit: 'head' }, 38)).toEqual({ kg: 38 });
    expect(flowOf({ value: 20, unit: 'head' })).toEqual({ kg: 0, head: 20 });
    expect(addFlows({ kg: 5, head: 20 }, { kg: 1, piece: 3 })).toEqual({ kg: 6, head: 20, piece: 3 });
  });

  it('add up many quantities once, without float noise', () => {
    expect(totalFlow([0.1, 0.2, 0.3].map((value) => ({ value, unit: 'kg' })))).toEqual({ kg: 0.6 });
    expect(
      totalFlow([
        { value: 0.5, unit: 'kg' },
        { value: 500, unit: 'g' },
        { value: 2, unit: 'piece' },
      ]),
    ).toEqual({ kg: 1, piece: 2 });
  });
});
