import { BinaryCopy, parseUuid } from './binary-copy';

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);

describe('BinaryCopy', () => {
  it('writes the signature, each field as length and value, and the trailer', () => {
    const data = new BinaryCopy(8)
      .tuple(6)
      .uuid('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
      .null()
      .int4(-2)
      .text('é/€')
      .timestamptz(Date.UTC(2000, 0, 1) - 1) // a millisecond before PostgreSQL's epoch
      .jsonb('{"a":1}')
      .end();
    const expected = Buffer.concat([
      HEADER,
      Buffer.from([0, 6]),
      Buffer.from([0, 0, 0, 16]),
      Buffer.from('0193a1b2c3d47e5f8a9b0c1d2e3f4a5b', 'hex'),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
      Buffer.from([0, 0, 0, 4, 0xff, 0xff, 0xff, 0xfe]),
      Buffer.from([0, 0, 0, 6]),
      Buffer.from('é/€', 'utf8'),
      Buffer.from([0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfc, 0x18]), // -1000 µs
      Buffer.from([0, 0, 0, 8, 1]),
      Buffer.from('{"a":1}'),
      TRAILER,
    ]);
    expect(data.toString('hex')).toBe(expected.toString('hex'));
  });

  it('grows past its size hint without losing what it holds', () => {
    const copy = new BinaryCopy(64);
    const long = '😀'.repeat(5_000);
    for (let i = 0; i < 20; i++) copy.tuple(2).int4(i).text(long);
    const data = copy.end();
    const tuple = 2 + 8 + 4 + Buffer.byteLength(long);
    expect(data.length).toBe(HEADER.length + 20 * tuple + 2);
    expect(data.readInt32BE(HEADER.length + 19 * tuple + 6)).toBe(19);
    expect(data.subarray(-2 - Buffer.byteLength(long), -2).toString()).toBe(long);
  });

  it.each([
    '0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
    '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g',
    '0193a1b2-c3d4-7e5f-8a9b_0c1d2e3f4a5b',
    '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5ü',
  ])('refuses %s as a UUID', (id) => {
    expect(() => new BinaryCopy().uuid(id)).toThrow(RangeError);
  });

  it('takes a UUID as its 16 bytes as well as its text, and nothing else', () => {
    const text = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const bytes = parseUuid(text);
    expect(bytes.toString('hex')).toBe(text.replaceAll('-', ''));
    expect(new BinaryCopy().uuid(bytes).end().equals(new BinaryCopy().uuid(text).end())).toBe(true);
    expect(() => new BinaryCopy().uuid(bytes.subarray(1))).toThrow(RangeError);
    expect(() => parseUuid(text.toUpperCase().replace('-', '+'))).toThrow(RangeError);
  });
});
