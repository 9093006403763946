import type { Answer } from './exchange';
import { documentedCodes, OpenApiDocument, Operation, ResponseObject, Schema, toJsonSchema } from './openapi';
import type { RequestPlan, SentRequest } from './plan';
import type { SchemaValidator, Validity } from './validity';
import { Rule, Violations } from './violations';

/** Operations that need neither PostgreSQL nor Redis, so cannot answer DEPENDENCY_UNAVAILABLE. */
const DEPENDENCY_FREE = ['GET /health/live', 'GET /metrics'];

type Json = Record<string, unknown>;
type Add = (rule: Rule, key: string, detail?: string) => void;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/;

export class ConformanceChecker {
  private readonly schemas = new Map<string, Schema>();

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly validator: SchemaValidator,
    readonly violations: Violations,
  ) {}

  /** What the document itself must say, whatever the server answers. */
  checkDocument(operations: Operation[]): void {
    for (const op of operations) {
      if (!op.spec.responses['503'] && !DEPENDENCY_FREE.includes(op.id))
        this.violations.add(
          'documentMissing503',
          op.id,
          `${op.id} declares ${Object.keys(op.spec.responses).join(', ')}`,
        );
    }
  }

  noAnswer(plan: RequestPlan, sent: SentRequest, error: unknown): void {
    this.violations.add(
      'noAnswer',
      `${plan.op?.path ?? plan.path} — ${plan.mutation.kind}`,
      `${sent.summary}\n      → ${(error as Error).message ?? error}`,
      plan.method,
    );
  }

  check(plan: RequestPlan, sent: SentRequest, validity: Validity, answer: Answer): void {
    const example = `${sent.summary}\n      → ${answer.status} ${answer.headers['content-type'] ?? '(no content type)'} ${excerpt(answer.body)}`;
    // Findings are keyed by path; the methods they were seen with are listed, not repeated.
    const add: Add = (rule, key, detail = plan.method) => this.violations.add(rule, key, example, detail);
    const problem = answer.status >= 400 ? this.checkProblem(plan, answer, add) : undefined;
    const op = plan.op;
    if (!op) {
      if (!plan.expected?.includes(answer.status))
        add(
          'unexpectedOutsideDocument',
          `${plan.path} — ${plan.mutation.kind} → ${answer.status} (expected ${plan.expected?.join(' or ')})`,
        );
      if (answer.status === 405 && !answer.headers.allow) add('missingAllow', plan.path);
      return;
    }
    this.checkStatus(op, plan.mutation.kind, answer, problem, add);
    if (answer.status < 300) {
      if (validity.input === false) add('acceptedInvalid', `${op.path} — ${plan.mutation.kind}`);
      if (op.secured && !plan.credentials)
        add('acceptedInvalid', `${op.path} — ${plan.mutation.kind} (no valid credentials)`);
    }
    if (answer.status === 400 && Array.isArray(problem?.errors)) {
      const fields = (problem.errors as Json[]).map((error) => error.field);
      for (const param of validity.validPathParams)
        if (fields.includes(param)) add('pathParamUnderspecified', `${op.path} {${param}}: ${detailOf(problem)}`);
    }
    if (plan.method !== 'HEAD' && !(op.gateway && answer.status < 300)) this.checkBody(op, answer, add);
  }

  private checkStatus(op: Operation, mutation: string, answer: Answer, problem: Json | undefined, add: Add): void {
    const { status } = answer;
    const code = typeof problem?.code === 'string' ? problem.code : undefined;
    const upstreamFailure = op.gateway && [502, 503, 504].includes(status) && code !== 'DEPENDENCY_UNAVAILABLE';
    const named = `${op.path} → ${status}${code ? ` ${code}` : ''}`;
    if (status >= 500 && !upstreamFailure) add('serverError', `${named} — ${mutation}`);
    const response = responseFor(op, status);
    if (!response) add('undeclaredStatus', named);
    const codes = response && code ? documentedCodes(response, this.doc) : undefined;
    if (codes && !codes.includes(code!)) add('undocumentedCode', `${named} (documented: ${codes.join(', ')})`);
  }

  private checkProblem(plan: RequestPlan, answer: Answer, add: Add): Json | undefined {
    const path = plan.op?.path ?? plan.path;
    const type = answer.headers['content-type'];
    if (!/^application\/problem\+json/i.test(type ?? ''))
      add('notProblemJson', `${path} → ${answer.status} ${type ?? '(no content type)'}`);
    if (plan.method === 'HEAD') return undefined;
    let problem: unknown;
    try {
      problem = JSON.parse(answer.body);
    } catch {
      add('problemMembers', `${path} → ${answer.status}: body is not JSON`);
      return undefined;
    }
    if (!problem || typeof problem !== 'object' || Array.isArray(problem)) {
      add('problemMembers', `${path} → ${answer.status}: body is not a JSON object`);
      return undefined;
    }
    const json = problem as Json;
    const missing = ['type', 'title', 'code', 'requestId'].filter(
      (member) => typeof json[member] !== 'string' || json[member] === '',
    );
    if (missing.length > 0) add('problemMembers', `${path} → ${answer.status}: missing ${missing.join(', ')}`);
    if (json.status !== answer.status)
      add('problemMembers', `${path} → ${answer.status}: status member is ${JSON.stringify(json.status)}`);
    return json;
  }

  private checkBody(op: Operation, answer: Answer, add: Add): void {
    const { status } = answer;
    const response = responseFor(op, status);
    if (!response) return;
    const mediaType = (answer.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (answer.body !== '')
        add(
          'undeclaredMediaType',
          `${op.path} → ${mediaType || '(none)'} (the document declares no body)`,
          `${op.method} ${status}`,
        );
      return;
    }
    if (!content[mediaType])
      add(
        'undeclaredMediaType',
        `${op.path} → ${mediaType || '(none)'} (declared: ${Object.keys(content).join(', ')})`,
        `${op.method} ${status}`,
      );
    const schema = this.schemaFor(op, status, content[mediaType] ? mediaType : Object.keys(content)[0], response);
    let value: unknown = answer.body;
    if (JSON_MEDIA_TYPE.test(mediaType)) {
      try {
        value = JSON.parse(answer.body);
      } catch {
        add('responseSchema', `${op.path} → ${status}: body is not JSON`);
        return;
      }
    }
    // An error's code has its own rule (undocumentedCode).
    const error = this.validator.check(schema, value, status >= 400 ? ['/code'] : []);
    if (error) add('responseSchema', `${op.path} → ${status}: ${error}`);
  }

  private schemaFor(op: Operation, status: number, mediaType: string, response: ResponseObject): Schema {
    const key = `${op.id} ${status} ${mediaType}`;
    let schema = this.schemas.get(key);
    if (!schema) this.schemas.set(key, (schema = toJsonSchema(response.content![mediaType].schema, this.doc)));
    return schema;
  }
}

function responseFor(op: Operation, status: number): ResponseObject | undefined {
  return op.spec.responses[String(status)] ?? op.spec.responses[`${String(status)[0]}XX`] ?? op.spec.responses.default;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ');
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function detailOf(problem: Json): string {
  return String((problem.errors as Json[])[0]?.message ?? problem.detail ?? problem.code);
}
