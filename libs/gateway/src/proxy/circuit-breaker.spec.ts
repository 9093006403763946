import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after 5 consecutive failures within 10 s, not before', () => {
    const breaker = new CircuitBreaker(5, 10_000, 5_000);
    for (let i = 0; i < 4; i++) breaker.failure(1_000 + i);
    expect(breaker.admit(1_010)).toBe(0);
    breaker.failure(1_010);
    expect(breaker.admit(1_020)).toBe(4_990);
  });

  it('forgets failures spread over more than the window, and resets on success', () => {
    const breaker = new CircuitBreaker(5, 10_000, 5_000);
    for (let i = 0; i < 4; i++) breaker.failure(i * 4_000);
    breaker.failure(20_000);
    expect(breaker.admit(20_001)).toBe(0);
    breaker.success();
    for (let i = 0; i < 4; i++) breaker.failure(30_000 + i);
    expect(breaker.admit(30_010)).toBe(0);
  });

  it('lets one probe through when the open period ends; success closes, failure re-opens', () => {
    const breaker = new CircuitBreaker(2, 10_000, 5_000);
    breaker.failure(0);
    breaker.failure(1);
    expect(breaker.admit(5_001)).toBe(0);
    expect(breaker.admit(5_002)).toBeGreaterThan(0);
    breaker.failure(5_003);
    expect(breaker.admit(5_004)).toBe(4_999);
    expect(breaker.admit(10_004)).toBe(0);
    breaker.success();
    expect(breaker.admit(10_005)).toBe(0);
    expect(breaker.admit(10_006)).toBe(0);
  });
});
