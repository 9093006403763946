import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, ExpensiveRoute, Permission } from '@app/auth';
import { ApiProblem, ForbiddenError, listEnvelope } from '@app/core';
import { UserRole } from '@app/db';
import type { FastifyReply } from 'fastify';
import {
  AuditListDto,
  AuditQueryDto,
  ExportQueryDto,
  SummaryResponseDto,
  TrafficFilterQueryDto,
  UsageQueryDto,
  UsageResponseDto,
} from './dto/analytics-query.dto';
import { EXPORT_COLUMNS, RequestLogExportService } from './export/request-log-export.service';
import { AnalyticsQueryService } from './queries/analytics-query.service';
import { MAX_SPAN_DAYS } from './queries/time-range';

const RANGE_RULE =
  '`from` defaults to 24 hours before `to`, `to` to now; `from` must be before `to`, and the range may span at most';

@ApiTags('analytics')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(
    private readonly queries: AnalyticsQueryService,
    private readonly exports: RequestLogExportService,
  ) {}

  @Get('usage')
  @ExpensiveRoute()
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({
    summary: 'Requests, errors and latency percentiles per time bucket (every bucket of the range, empty ones as 0)',
    description: `${RANGE_RULE} ${MAX_SPAN_DAYS.minute} days with minute buckets, ${MAX_SPAN_DAYS.hour} with hour buckets and ${MAX_SPAN_DAYS.day} with day buckets; otherwise 400 VALIDATION_FAILED.`,
  })
  @ApiOkResponse({ type: UsageResponseDto })
  @ApiProblem(
    404,
    ['API_NOT_FOUND', 'NOT_FOUND'],
    'Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)',
  )
  async usage(@CurrentUser() user: AuthUser, @Query() query: UsageQueryDto): Promise<UsageResponseDto> {
    return { data: await this.queries.usage(user, query) };
  }

  @Get('summary')
  @ExpensiveRoute()
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({
    summary: 'Totals, error rate, status classes, latency percentiles and top APIs and keys over a range',
    description: `${RANGE_RULE} ${MAX_SPAN_DAYS.summary} days; otherwise 400 VALIDATION_FAILED.`,
  })
  @ApiOkResponse({ type: SummaryResponseDto })
  @ApiProblem(
    404,
    ['API_NOT_FOUND', 'NOT_FOUND'],
    'Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)',
  )
  async summary(@CurrentUser() user: AuthUser, @Query() query: TrafficFilterQueryDto): Promise<SummaryResponseDto> {
    return { data: await this.queries.summary(user, query) };
  }

  @Get('export')
  @ExpensiveRoute()
  @Auth(Permission.AnalyticsExport)
  @ApiOperation({
    summary: `Request log rows as a streamed CSV (with a header row) or NDJSON file; columns: ${EXPORT_COLUMNS.join(', ')}`,
    description: `${RANGE_RULE} ${MAX_SPAN_DAYS.export} days; otherwise 400 VALIDATION_FAILED. Errors are problem documents, not files.`,
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'The rows, oldest first', schema: { type: 'string' } })
  @ApiProblem(
    404,
    ['API_NOT_FOUND', 'NOT_FOUND'],
    'Unknown API (API_NOT_FOUND), or a key that is not yours (NOT_FOUND)',
  )
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const stream = await this.exports.open(user, query);
    const csv = query.format === 'csv';
    reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="request-logs.${csv ? 'csv' : 'ndjson'}"`);
    reply.header('cache-control', 'no-store');
    return new StreamableFile(stream);
  }

  @Get('audit')
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({
    summary: 'The audit trail, newest first (admins only)',
    description: `${RANGE_RULE} ${MAX_SPAN_DAYS.audit} days; otherwise 400 VALIDATION_FAILED.`,
  })
  @ApiOkResponse({ type: AuditListDto })
  async audit(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<AuditListDto> {
    if (user.role !== UserRole.Admin) throw new ForbiddenError('Only admins read the audit trail');
    const { rows, total } = await this.queries.audit(query);
    return listEnvelope(rows, total, query);
  }
}
