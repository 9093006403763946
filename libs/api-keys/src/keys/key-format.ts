import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KEY_PREFIX = 'dh_';
const BODY_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** `dh_` + 32 base62 (≈190 random bits) + 6 base62 of CRC32(body). */
const KEY_SHAPE = /^dh_[0-9A-Za-z]{38}$/;
/** What a key is shown as once created: `dh_` and its first six characters. */
const DISPLAY_LENGTH = KEY_PREFIX.length + 6;

function base62(bytesNeeded: number): string {
  let out = '';
  while (out.length < bytesNeeded) {
    for (const byte of randomBytes(bytesNeeded * 2)) {
      // 248 = 4 × 62: rejection sampling keeps every character equally likely.
      if (byte < 248 && out.length < bytesNeeded) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksum(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export interface NewKey {
  key: string;
  prefix: string;
}

export function generateKey(): NewKey {
  const body = base62(BODY_LENGTH);
  const key = `${KEY_PREFIX}${body}${checksum(body)}`;
  return { key, prefix: displayPrefix(key) };
}

export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_LENGTH);
}

/** Shape and checksum only: a mistyped or forged key is refused before any lookup. */
export function hasValidFormat(key: string): boolean {
  if (!KEY_SHAPE.test(key)) return false;
  const body = key.slice(KEY_PREFIX.length, KEY_PREFIX.length + BODY_LENGTH);
  const sent = Buffer.from(key.slice(KEY_PREFIX.length + BODY_LENGTH));
  return timingSafeEqual(sent, Buffer.from(checksum(body)));
}

/** HMAC-SHA-256 with the server's pepper: a stolen table cannot be brute-forced offline. */
export function hashKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key).digest('hex');
}
