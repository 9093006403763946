import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

const req = (id?: string) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;

describe('requestIdOf', () => {
  it('echoes a sane client id', () => {
    expect(requestIdOf(req('abc-123_X.9'))).toBe('abc-123_X.9');
  });

  it.each([['has space'], ['<script>'], ['a'.repeat(129)], ['']])('replaces %j with a UUID', (sent) => {
    expect(requestIdOf(req(sent))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('draws a new UUID for each request that sent none (Fastify keeps it as request.id)', () => {
    expect(requestIdOf(req())).not.toBe(requestIdOf(req()));
  });
});
