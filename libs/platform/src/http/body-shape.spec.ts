import { HttpException } from '@nestjs/common';
import { BodyShapeLimits, checkBodyShape } from './body-shape';

const LIMITS: BodyShapeLimits = { depth: 4, arrayLength: 3, values: 20 };

/** The status and body `checkBodyShape` refuses `body` with, or undefined when it takes it. */
function refusal(body: unknown, limits = LIMITS) {
  try {
    checkBodyShape(body, limits);
    return undefined;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), ...(error.getResponse() as object) };
  }
}

describe('checkBodyShape', () => {
  it('takes bodies within every limit', () => {
    expect(refusal({ classes: [{ grade: '特级', attributes: { brix: 14 } }], note: '第一行\n第二行' })).toBeUndefined();
    expect(refusal(null)).toBeUndefined();
    expect(refusal(42)).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, naming where, without recursing', () => {
    expect(refusal({ a: { b: { c: { d: 1 } } } })).toBeUndefined();
    expect(refusal({ a: { b: { c: { d: {} } } } })).toMatchObject({
      status: 400,
      code: 'body_too_deep',
      details: { field: 'a.b.c.d', limit: 4 },
    });
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(refusal({ x: deep }, { depth: 32, arrayLength: 10, values: 1e6 })).toMatchObject({ status: 400, code: 'body_too_deep' });
  });

  it('refuses an array longer than the limit before looking at its elements', () => {
    expect(refusal({ readings: [1, 2, 3] })).toBeUndefined();
    expect(refusal({ readings: [{}, {}, { x: 1 }, {}] })).toMatchObject({
      status: 400,
      code: 'array_too_long',
      details: { field: 'readings', limit: 3 },
    });
  });

  it('refuses a body of more values than the limit with a 413', () => {
    const wide = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]));
    expect(refusal(wide)).toMatchObject({ status: 413, code: 'body_too_complex', details: { limit: 20 } });
  });

  it('refuses text that cannot be true, naming the field by its path', () => {
    expect(refusal({ classes: [{ grade: '特级' }, { grade: '一级\u0000' }] })).toMatchObject({
      status: 400,
      code: 'invalid_text',
      details: { field: 'classes.1.grade' },
      message: 'classes.1.grade contains a control character (U+0000)',
    });
    expect(refusal({ name: ' \u3000 ' })).toMatchObject({
      code: 'invalid_text',
      details: { field: 'name' },
      message: 'name is only whitespace',
    });
    expect(refusal({ attributes: { 'brix\u202E': 1 } })).toMatchObject({ code: 'invalid_text', details: { field: 'attributes' } });
    expect(refusal({ recipient: 'a\nb' })).toMatchObject({ code: 'invalid_text', details: { field: 'recipient' } });
    expect(refusal('\uD800')).toMatchObject({ code: 'invalid_text', details: { field: '' } });
  });
});
