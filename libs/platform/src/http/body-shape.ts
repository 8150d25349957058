import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { isFreeTextField, untrueText } from './text-rules';

export interface BodyShapeLimits {
  /** Objects and arrays inside one another; the deepest body we take (a standard's rules) has 7. */
  depth: number;
  /** Elements of one array; the longest we take is a logger upload's 10,000 readings. */
  arrayLength: number;
  /** Values in the whole body (objects, arrays, keys' values, elements); a full upload has about 40,000. */
  values: number;
}

export const BODY_SHAPE_LIMITS: BodyShapeLimits = { depth: 32, arrayLength: 10_000, values: 100_000 };

interface Frame {
  value: object;
  depth: number;
  parent?: Frame;
  key?: string | number;
}

/**
 * Refuses a parsed body that no route takes, before anything recursive (class-transformer,
 * class-validator, JSON.stringify) or costly runs over it: one iterative walk, which stops at
 * the first problem, naming the field: nesting too deep, an array too long, too many values
 * (413), or a string or key that cannot be true text (`invalid_text`).
 */
export function checkBodyShape(body: unknown, limits: BodyShapeLimits = BODY_SHAPE_LIMITS): void {
  if (typeof body === 'string') return checkText(body, undefined, undefined);
  if (typeof body !== 'object' || body === null) return;
  const stack: Frame[] = [{ value: body, depth: 1 }];
  let values = 1;
  const visit = (value: unknown, parent: Frame, key: string | number) => {
    if (typeof value === 'string') checkText(value, parent, key);
    else if (typeof value === 'object' && value !== null) {
      if (parent.depth >= limits.depth) {
        throw new BadRequestException({
          code: 'body_too_deep',
          message: `the body nests deeper than ${limits.depth} levels at ${pathOf(parent, key)}`,
          details: { field: pathOf(parent, key), limit: limits.depth },
        });
      }
      stack.push({ value, depth: parent.depth + 1, parent, key });
    }
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (Array.isArray(frame.value)) {
      const list: unknown[] = frame.value;
      if (list.length > limits.arrayLength) {
        const field = pathOf(frame);
        throw new BadRequestException({
          code: 'array_too_long',
          message: `${field || 'the body'} has ${list.length} elements; at most ${limits.arrayLength} are taken`,
          details: { field, limit: limits.arrayLength },
        });
      }
      values += list.length;
      if (values > limits.values) throw tooManyValues(limits.values);
      for (let i = 0; i < list.length; i++) visit(list[i], frame, i);
    } else {
      const record = frame.value as Record<string, unknown>;
      for (const key in record) {
        if (++values > limits.values) throw tooManyValues(limits.values);
        const problem = untrueText(key);
        if (problem) throw invalidText(pathOf(frame), `${pathOf(frame) || 'the body'} has a field name that ${problem}`);
        visit(record[key], frame, key);
      }
    }
  }
}

function checkText(text: string, parent: Frame | undefined, key: string | number | undefined): void {
  const problem = untrueText(text, typeof key === 'string' && isFreeTextField(key));
  if (!problem) return;
  const field = pathOf(parent, key);
  throw invalidText(field, `${field || 'the body'} ${problem}`);
}

function invalidText(field: string, message: string): BadRequestException {
  return new BadRequestException({ code: 'invalid_text', message, details: { field } });
}

function tooManyValues(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException({
    code: 'body_too_complex',
    message: `the body holds more than ${limit} values`,
    details: { limit },
  });
}

/** `classes.0.grade`: the path the validation pipe names fields by. */
function pathOf(frame: Frame | undefined, key?: string | number): string {
  const segments: (string | number)[] = key === undefined ? [] : [key];
  for (let f = frame; f?.key !== undefined; f = f.parent) segments.push(f.key);
  return segments.reverse().join('.');
}
