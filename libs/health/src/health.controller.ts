import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LifecycleState, Public } from '@app/core';
import type { FastifyReply } from 'fastify';
import { RedisHealthIndicator } from './redis.health';

const DB_PING_TIMEOUT_MS = 1_500;

const INDICATORS = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
};
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
    info: INDICATORS,
    error: INDICATORS,
    details: INDICATORS,
  },
};

/**
 * Terminus health checks. 503 keeps terminus' own shape ({status, info, error, details}),
 * which load balancers and Kubernetes expect, rather than a problem document.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly lifecycle: LifecycleState,
  ) {}

  /** Both dependencies; 503 when either is down. */
  @Get()
  @ApiOperation({ summary: 'PostgreSQL and Redis both answer' })
  @ApiOkResponse({ description: 'All dependencies up', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', schema: HEALTH_SCHEMA })
  check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.run(reply, false);
  }

  /** The process only: no dependency is consulted, so a dead Redis never restarts pods. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness probe: the process answers (no dependency checked)' })
  @ApiOkResponse({ description: 'The process is alive', schema: HEALTH_SCHEMA })
  live(): HealthCheckResult {
    return {
      status: 'ok',
      info: { process: { status: 'up', uptimeSeconds: Math.round(process.uptime()) } },
      error: {},
      details: {},
    };
  }

  /** Dependencies, and 503 at once when the process is draining for shutdown. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness probe: dependencies answer and the node is not draining' })
  @ApiOkResponse({ description: 'Ready for traffic', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down or the node is shutting down',
    schema: HEALTH_SCHEMA,
  })
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.run(reply, true);
  }

  private async run(reply: FastifyReply, honourDraining: boolean): Promise<HealthCheckResult> {
    if (honourDraining && this.lifecycle.draining) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      const down = { shutdown: { status: 'down' as const, message: 'draining' } };
      return { status: 'error', info: {}, error: down, details: down };
    }
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: DB_PING_TIMEOUT_MS }),
        () => this.redis.isHealthy('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
