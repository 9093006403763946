import { randomBytes } from 'node:crypto';

const TWO_32 = 2 ** 32;
const SEQUENCE_SPACE = 2 ** 53;

/** This process's next row sequence number: 53 bits, starting at a random value. */
let next = (() => {
  const seed = randomBytes(8);
  return (seed.readUInt32BE(0) & 0x1fffff) * TWO_32 + seed.readUInt32BE(4);
})();

/**
 * Request-log row ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then, around
 * the version and variant, a 53-bit sequence number (RFC 9562 §6.2, method 1) that each
 * process starts at a random value. A row is given its number when it is recorded, and its
 * id is derived from its millisecond and that number whenever it is written: the same id
 * on every retry, in the spool and after a replay. Recording so builds no string and draws
 * no randomness (in the gateway's profile, making a random id's string cost about 1 µs per
 * request and parsing it back for COPY another 0.4), and the ids of one process append to
 * the primary key's index in order. Two processes repeat an id only if their sequences,
 * started at random points of the 53-bit space, meet within the same millisecond.
 */
export function nextRowSequence(): number {
  const sequence = next;
  next = (next + 1) % SEQUENCE_SPACE;
  return sequence;
}

/** Writes the 16 bytes of the id of the row recorded at `epochMs` with `sequence`. */
export function writeTimeOrderedUuid(epochMs: number, sequence: number, target: Uint8Array, offset = 0): void {
  const msHigh = Math.floor(epochMs / TWO_32); // 16 bits
  const msLow = epochMs >>> 0;
  const seqHigh = Math.floor(sequence / TWO_32); // 21 bits
  const seqLow = sequence >>> 0;
  target[offset] = msHigh >>> 8;
  target[offset + 1] = msHigh & 0xff;
  target[offset + 2] = msLow >>> 24;
  target[offset + 3] = (msLow >>> 16) & 0xff;
  target[offset + 4] = (msLow >>> 8) & 0xff;
  target[offset + 5] = msLow & 0xff;
  // version 7, then the sequence's top 12 bits
  target[offset + 6] = 0x70 | (seqHigh >>> 17);
  target[offset + 7] = (seqHigh >>> 9) & 0xff;
  // variant 10, the sequence's next 9 bits, 21 zero bits, then its low 32 bits
  target[offset + 8] = 0x80 | ((seqHigh >>> 3) & 0x3f);
  target[offset + 9] = (seqHigh & 0x7) << 5;
  target[offset + 10] = 0;
  target[offset + 11] = 0;
  target[offset + 12] = seqLow >>> 24;
  target[offset + 13] = (seqLow >>> 16) & 0xff;
  target[offset + 14] = (seqLow >>> 8) & 0xff;
  target[offset + 15] = seqLow & 0xff;
}

/** The same id as text (8-4-4-4-12 hex), for the INSERT path and for tests. */
export function timeOrderedUuid(epochMs: number, sequence: number): string {
  const bytes = Buffer.allocUnsafe(16);
  writeTimeOrderedUuid(epochMs, sequence, bytes);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
