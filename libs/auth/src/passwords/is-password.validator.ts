import { registerDecorator, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 64;
/** bcrypt ignores everything past 72 bytes: reject, never truncate. */
export const PASSWORD_MAX_BYTES = 72;

export function passwordProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'password must be a string';
  const chars = [...value].length;
  if (chars < PASSWORD_MIN_CHARS) return `password must be at least ${PASSWORD_MIN_CHARS} characters`;
  if (chars > PASSWORD_MAX_CHARS) return `password must be at most ${PASSWORD_MAX_CHARS} characters`;
  if (Buffer.byteLength(value, 'utf8') > PASSWORD_MAX_BYTES)
    return `password must be at most ${PASSWORD_MAX_BYTES} bytes in UTF-8`;
  if (value.includes('\u0000')) return 'password must not contain NUL characters';
  return null;
}

/** 12–64 characters, at most 72 UTF-8 bytes, no NUL; no composition rules (OWASP ASVS). */
export function IsPassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => passwordProblem(value) === null,
        defaultMessage: (args) => passwordProblem(args?.value) ?? 'password is invalid',
      },
    });
}
