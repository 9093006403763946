import type { ConformanceChecker } from './conformance';
import { send } from './exchange';
import type { Fixtures } from './fixtures';
import { realize, RequestPlan } from './plan';
import { SchemaValidator, validityOf } from './validity';

/** Sends plans a few at a time and checks every answer; returns how many were sent. */
export async function runPlans(
  baseUrl: string,
  plans: RequestPlan[],
  checker: ConformanceChecker,
  validator: SchemaValidator,
  fixtures: Fixtures,
  concurrency = 6,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++];
      const sent = await realize(plan);
      let answer;
      try {
        answer = await send(baseUrl, sent);
      } catch (error) {
        checker.noAnswer(plan, sent, error);
        continue;
      }
      fixtures.track(plan.method, plan.path, answer.status, answer.body);
      checker.check(plan, sent, validityOf(plan, sent, validator), answer);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return plans.length;
}
