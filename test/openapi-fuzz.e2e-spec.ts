import { UserRole } from '@app/db';
import { ConformanceChecker } from './fuzz/conformance';
import { Fixtures, Role } from './fuzz/fixtures';
import { gatewayPlans } from './fuzz/gateway-plans';
import { fixtureHints } from './fuzz/inputs';
import { fetchDocument, listOperations, OpenApiDocument, Operation } from './fuzz/openapi';
import type { RequestPlan } from './fuzz/plan';
import { PlanFactory, seedFor } from './fuzz/plans';
import { runPlans } from './fuzz/runner';
import { SchemaValidator } from './fuzz/validity';
import { Violations } from './fuzz/violations';
import { startTestApp, TestApp } from './helpers/test-app';

/** `npm test` replays the same requests every time; `npm run test:fuzz` draws a seed and more runs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const ROLES: Role[] = [UserRole.Admin, UserRole.Viewer];

describe(`OpenAPI conformance under fuzzing (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let operations: Operation[];
  const fixtures = new Fixtures();
  const validator = new SchemaValidator();

  beforeAll(async () => {
    t = await startTestApp();
    await fixtures.setUp(t);
    doc = await fetchDocument(t.url);
    operations = listOperations(doc);
  });
  afterAll(async () => {
    await fixtures.cleanUp();
    await t.close();
  });

  it('declares 503 wherever a dependency can be down', () => {
    const checker = new ConformanceChecker(doc, validator, new Violations());
    checker.checkDocument(operations);
    failOn(checker.violations);
  });

  it(
    'answers every operation, with valid and mutated inputs, as the document says',
    async () => {
      const checker = new ConformanceChecker(doc, validator, new Violations());
      const factory = new PlanFactory(fixtures, fixtureHints(fixtures));
      const plans: RequestPlan[] = [...factory.undeclared(doc, operations, SEED), ...factory.malformed()];
      for (const op of operations) {
        if (op.gateway) {
          plans.push(...gatewayPlans(op, fixtures, seedFor(SEED, op.id), RUNS));
          continue;
        }
        for (const role of ROLES) {
          const seed = seedFor(SEED, op.id, role);
          plans.push(...factory.sweep(op, role, seed), ...factory.random(op, role, seed, RUNS));
        }
      }
      const started = Date.now();
      const sent = await runPlans(t.url, plans, checker, validator, fixtures);
      console.log(
        `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${checker.violations.size} distinct violations`,
      );
      failOn(checker.violations);
    },
    120_000 + RUNS * 3_000,
  );
});

function failOn(violations: Violations): void {
  if (violations.size > 0)
    throw new Error(
      `${violations.size} distinct violations (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}):\n\n${violations.report()}`,
    );
}
