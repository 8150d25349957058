import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Rejects unknown fields and names every bad field by its path (e.g.
 * `readings.3.temperatureC`), so a station operator can see what to fix.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadRequestException({
        code: 'invalid_request',
        message: problems.map((p) => p.message).join('; '),
        details: { fields: problems },
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      message: m.startsWith(e.property) ? `${field}${m.slice(e.property.length)}` : `${field}: ${m}`,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
