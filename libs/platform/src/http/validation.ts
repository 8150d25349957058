import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

interface Problem {
  field: string;
  message: string;
}

/**
 * Rejects unknown fields and names every bad field by its path (e.g.
 * `readings.3.temperatureC`), so a station operator can see what to fix.
 */
export function validationPipe(): ValidationPipe {
  return new EarlyRefusingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => refusal(flatten(errors)),
  });
}

/**
 * Leaves a body's unknown top-level fields out before class-transformer copies the body:
 * it copies unknown fields too, whatever they hold, only for the validator to refuse them
 * afterwards. The answer is the validator's: the unknown fields first, then the known ones'
 * problems.
 */
/** A request DTO's class, as Nest hands it to a pipe. */
type DtoClass = abstract new (...args: never[]) => unknown;

class EarlyRefusingValidationPipe extends ValidationPipe {
  private readonly known = new WeakMap<DtoClass, ReadonlySet<string>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metadata.type !== 'body' || !metatype || !this.toValidate(metadata) || !isRecord(value)) return super.transform(value, metadata);
    const known = this.knownFields(metatype);
    const unknown = known.size === 0 ? [] : Object.keys(value).filter((field) => !known.has(field));
    if (unknown.length === 0) return super.transform(value, metadata);
    const problems = unknown.map((field) => ({ field, message: `${field}: property ${field} should not exist` }));
    const rest = Object.fromEntries(Object.entries(value).filter(([field]) => known.has(field)));
    throw refusal([...problems, ...(await this.problemsOf(rest, metadata))]);
  }

  private async problemsOf(value: Record<string, unknown>, metadata: ArgumentMetadata): Promise<Problem[]> {
    try {
      await super.transform(value, metadata);
      return [];
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      return (error.getResponse() as { details: { fields: Problem[] } }).details.fields;
    }
  }

  /** The fields the validator keeps: those with any class-validator decorator. */
  private knownFields(metatype: DtoClass): ReadonlySet<string> {
    let fields = this.known.get(metatype);
    if (!fields) {
      fields = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(metatype, '', false, false)
          .map((m) => m.propertyName),
      );
      this.known.set(metatype, fields);
    }
    return fields;
  }
}

function refusal(problems: Problem[]): BadRequestException {
  return new BadRequestException({
    code: 'invalid_request',
    message: problems.map((p) => p.message).join('; '),
    details: { field: problems[0]?.field, fields: problems },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      message: m.startsWith(e.property) ? `${field}${m.slice(e.property.length)}` : `${field}: ${m}`,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
