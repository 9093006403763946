import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, Permission } from '@app/auth';
import { ForbiddenError, listEnvelope } from '@app/core';
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

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

@ApiTags('analytics')
@ApiBadRequestResponse({ description: 'Invalid range, interval, filter or page (VALIDATION_FAILED)', schema: PROBLEM })
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(
    private readonly queries: AnalyticsQueryService,
    private readonly exports: RequestLogExportService,
  ) {}

  @Get('usage')
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({ summary: 'Requests, errors and latency percentiles per time bucket (every bucket of the range, empty ones as 0)' })
  @ApiOkResponse({ type: UsageResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown API, or a key that is not yours', schema: PROBLEM })
  async usage(@CurrentUser() user: AuthUser, @Query() query: UsageQueryDto): Promise<UsageResponseDto> {
    return { data: await this.queries.usage(user, query) };
  }

  @Get('summary')
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({ summary: 'Totals, error rate, status classes, latency percentiles and top APIs and keys over a range' })
  @ApiOkResponse({ type: SummaryResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown API, or a key that is not yours', schema: PROBLEM })
  async summary(@CurrentUser() user: AuthUser, @Query() query: TrafficFilterQueryDto): Promise<SummaryResponseDto> {
    return { data: await this.queries.summary(user, query) };
  }

  @Get('export')
  @Auth(Permission.AnalyticsExport)
  @ApiOperation({ summary: `Request log rows as a streamed CSV (with a header row) or NDJSON file; columns: ${EXPORT_COLUMNS.join(', ')}` })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'The rows, oldest first', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'Unknown API, or a key that is not yours', schema: PROBLEM })
  async export(@CurrentUser() user: AuthUser, @Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const stream = await this.exports.open(user, query);
    const csv = query.format === 'csv';
    reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="request-logs.${csv ? 'csv' : 'ndjson'}"`);
    reply.header('cache-control', 'no-store');
    return new StreamableFile(stream);
  }

  @Get('audit')
  @Auth(Permission.AnalyticsRead)
  @ApiOperation({ summary: 'The audit trail, newest first (admins only)' })
  @ApiOkResponse({ type: AuditListDto })
  async audit(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<AuditListDto> {
    if (user.role !== UserRole.Admin) throw new ForbiddenError('Only admins read the audit trail');
    const { rows, total } = await this.queries.audit(query);
    return listEnvelope(rows, total, query);
  }
}
