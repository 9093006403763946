import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditEventPayload, AuditEventType } from '@app/audit';
import { RateLimitHitReporter } from './rate-limit-hit.reporter';

describe('RateLimitHitReporter', () => {
  const client = (n: number) => ({ ip: '203.0.113.7', userAgent: 'ua', requestId: `req-${n}` });

  it('reports the first refusal at once, the rest of its minute as one summary, and opens a new minute after', () => {
    const events = new EventEmitter2();
    const seen: AuditEventPayload[] = [];
    events.on(AuditEventType.RateLimitHit, (payload: AuditEventPayload) => seen.push(payload));
    const reporter = new RateLimitHitReporter(events);

    reporter.record('key-1', 'key-1', 'payments', client(1), 0);
    expect(seen).toEqual([
      expect.objectContaining({
        apiKeyId: 'key-1',
        client: client(1),
        metadata: { subject: 'key-1', api: 'payments', count: 1, first: true },
      }),
    ]);
    reporter.record('key-1', 'key-1', 'payments', client(2), 10_000);
    reporter.record('key-1', 'key-1', 'orders', client(3), 59_999);
    expect(seen).toHaveLength(1);

    // The next minute: the last one's summary, then a new first refusal.
    reporter.record('key-1', 'key-1', 'payments', client(4), 60_000);
    expect(seen.slice(1)).toEqual([
      expect.objectContaining({
        client: null,
        metadata: expect.objectContaining({ count: 2, apis: ['payments', 'orders'], first: false }),
      }),
      expect.objectContaining({ client: client(4), metadata: expect.objectContaining({ count: 1, first: true }) }),
    ]);
    reporter.flush();
    expect(seen).toHaveLength(3);
  });
});
