import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but `null` is validated like any other value (and so refused
 * by the type check that follows). class-validator's `@IsOptional()` lets `null` through
 * too, which for a NOT NULL column becomes a database error instead of a 400. Nullable
 * fields say so explicitly: `@IsOptional()` with `@ValidateIf((_, v) => v !== null)`.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);
