import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError, ValidationError } from '../errors/domain-errors';

/** Deeper than any body of this API; deep enough for clients' own JSON in metadata. */
export const MAX_JSON_DEPTH = 32;

/** `application/json`, and any `application/<something>+json` (RFC 6839). */
const STRUCTURED_JSON = /^application\/[a-z0-9!#$&^_.+-]+\+json\s*(;|$)/i;

/**
 * How deeply arrays and objects nest in a JSON text, counted without parsing it, stopping
 * as soon as `limit` is passed. Validation walks a parsed body recursively, so a body
 * nested thousands of levels deep would overflow the stack there.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * The path of the first string (key or value) that PostgreSQL could not store or a JSON
 * consumer could not read back: a lone UTF-16 surrogate (which JSON escapes allow) or NUL.
 */
export function findIllFormedText(value: unknown, path = 'body'): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000') ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = path === 'body' ? key : `${path}.${key}`;
    if (!key.isWellFormed() || key.includes('\u0000')) return field;
    const found = findIllFormedText(item, field);
    if (found) return found;
  }
  return undefined;
}

/**
 * The only request body parser of the management API: a JSON object (with Fastify's
 * protection against prototype poisoning) nested at most MAX_JSON_DEPTH levels, whose
 * text is all well-formed. Every other media
 * type, form posts included, has no parser and so answers 415.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const parse = (
    request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
      return done(new BadRequestError('MALFORMED_JSON', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`));
    }
    parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      // Every body of this API is an object; `null` would otherwise skip validation.
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return done(new ValidationError([{ field: 'body', message: 'the body must be a JSON object' }]));
      }
      const illFormed = findIllFormedText(value);
      if (illFormed)
        return done(
          new ValidationError([
            { field: illFormed, message: `${illFormed} must be well-formed Unicode text without NUL characters` },
          ]),
        );
      done(null, value);
    });
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  fastify.addContentTypeParser(STRUCTURED_JSON, { parseAs: 'string' }, parse);
}
