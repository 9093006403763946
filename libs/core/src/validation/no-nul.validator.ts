import { Matches } from 'class-validator';

// eslint-disable-next-line no-control-regex
const WITHOUT_NUL = /^[^\u0000]*$/;

/** Rejects U+0000: PostgreSQL text cannot hold it, and it truncates strings in C libraries. */
export const NoNul = () =>
  Matches(WITHOUT_NUL, { message: ({ property }) => `${property} must not contain NUL characters` });
