export { CoreModule } from './core.module';
export { AppConfig, type RedisMode } from './config/app-config';
export { ConfigurationError, EnvironmentVariables, validateEnv } from './config/env.schema';
export * from './errors/domain-errors';
export {
  type ProblemDetails,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_MEDIA_TYPE,
  buildProblem,
  problemTitle,
  problemType,
  toProblemResponse,
} from './errors/problem-details';
export { ProblemDetailsFilter, sendProblem } from './errors/problem-details.filter';
export { validationExceptionFactory } from './errors/validation-exception.factory';
export {
  answerUnmetExpectation,
  fastifyServerOptions,
  MANAGEMENT_BODY_LIMIT,
  MAX_HEADER_BYTES,
} from './http/fastify-options';
export { exceedsJsonDepth, installJsonBodyParser, MAX_JSON_DEPTH } from './http/json-body';
export { observeFrameworkErrors } from './http/framework-errors';
export { ApiProblem, PROBLEM_SCHEMA_REF, problemSchema } from './http/api-problem.decorator';
export { requestIdOf } from './http/request-id';
export { HTTP_REPLY, HTTP_REQUEST } from './http/guard-args';
export { LifecycleState } from './lifecycle/lifecycle-state';
export { Client, clientContextOf, type ClientContext } from './http/client-context';
export type { ChangeContext } from './http/change-context';
export {
  PaginationQueryDto,
  ListMetaDto,
  listEnvelope,
  type ListEnvelope,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  MAX_PAGE_OFFSET,
} from './http/pagination';
export { UUID, UuidParam } from './http/uuid-param.pipe';
export { IS_PUBLIC, Public } from './http/public.decorator';
export { NoNul } from './validation/no-nul.validator';
export { Omittable } from './validation/omittable.validator';
export { QueryInt } from './validation/query-int.transform';
export { backoffCeiling } from './resilience/backoff';
export { ROOT_LOGGER } from './logging/logging.module';
export { AppLogger } from './logging/app-logger';
export { installRequestLogging } from './logging/request-logging.hook';
export { LockHeldError, type LockHolder, ProcessLock } from './process/process-lock';
