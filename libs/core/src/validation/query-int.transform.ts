import { Transform } from 'class-transformer';

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/**
 * A query-string integer: only plain decimal digits become a number. `Number()` would also
 * read `1e20`, `0x10`, `''` and `  5`; those stay strings here and fail `@IsInt()` with a 400.
 */
export const QueryInt = () =>
  Transform(({ value }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value));
