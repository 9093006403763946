import type { ValidationError as ClassValidatorError } from 'class-validator';
import { FieldError, ValidationError } from './domain-errors';

function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** ValidationPipe's exceptionFactory: one `errors[]` entry per invalid field path. */
export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  return new ValidationError(flatten(errors));
}
