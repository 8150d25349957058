import { NotFoundException } from '@nestjs/common';

/** A read model lookup that must find something, or a 404 naming what was missing. */
export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new NotFoundException({ code: `${what}_not_found`, message: `no ${what} ${id}` });
  return value;
}
