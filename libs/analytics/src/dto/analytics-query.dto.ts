import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { API_NAME } from '@app/admin';
import { ListMetaDto, PaginationQueryDto, Omittable } from '@app/core';

export const INTERVALS = ['minute', 'hour', 'day'] as const;
export type Interval = (typeof INTERVALS)[number];
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `from`/`to` (ISO 8601; default: the last 24 hours), checked further by `resolveRange`. */
export class TimeRangeQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'start (inclusive), before `to`; default 24 hours before `to`',
  })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'end (exclusive), after `from`; default now' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date' })
  to?: string;
}

/** Narrows the traffic to one API and/or one key (and always to the caller's keys unless admin). */
export class TrafficFilterQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ description: 'API name', example: 'payments' })
  @Omittable()
  @Matches(API_NAME, { message: 'api must be an API name (a slug)' })
  api?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'keyId must be a UUID' })
  keyId?: string;
}

export class UsageQueryDto extends TrafficFilterQueryDto {
  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'hour',
    description: 'bucket width; minute buckets span at most 7 days, hour buckets 90 days',
  })
  @Omittable()
  @IsIn(INTERVALS, { message: `interval must be one of ${INTERVALS.join(', ')}` })
  interval: Interval = 'hour';
}

export class ExportQueryDto extends TrafficFilterQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @Omittable()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat = 'csv';
}

export class AuditQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ format: 'date-time' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date' })
  to?: string;

  @ApiPropertyOptional({ description: 'event type, e.g. auth.login.failure' })
  @Omittable()
  @Matches(/^[a-z]+(\.[a-z]+){1,3}$/, { message: 'type must be an audit event type such as auth.login.failure' })
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only events by this user' })
  @Omittable()
  @IsUUID('all', { message: 'actorUserId must be a UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only events about this API key' })
  @Omittable()
  @IsUUID('all', { message: 'apiKeyId must be a UUID' })
  apiKeyId?: string;
}

export class UsageBucketDto {
  @ApiProperty({ format: 'date-time' }) bucket: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'requests answered with status >= 400' }) errors: number;
  @ApiProperty({ type: Number, nullable: true }) p50LatencyMs: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95LatencyMs: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99LatencyMs: number | null;
}

export class UsageResponseDto {
  @ApiProperty({ type: [UsageBucketDto] }) data: UsageBucketDto[];
}

class StatusClassesDto {
  @ApiProperty({ name: '2xx' }) '2xx': number;
  @ApiProperty({ name: '3xx' }) '3xx': number;
  @ApiProperty({ name: '4xx' }) '4xx': number;
  @ApiProperty({ name: '5xx' }) '5xx': number;
}

class TopApiDto {
  @ApiProperty() api: string;
  @ApiProperty() requests: number;
}

class TopKeyDto {
  @ApiProperty({ format: 'uuid' }) keyId: string;
  @ApiProperty() prefix: string;
  @ApiProperty() requests: number;
}

export class SummaryDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() totalRequests: number;
  @ApiProperty() errorRequests: number;
  @ApiProperty({ description: 'errorRequests ÷ totalRequests (0 when there is no traffic)' }) errorRate: number;
  @ApiProperty({ type: StatusClassesDto }) statusClasses: StatusClassesDto;
  @ApiProperty({ type: Number, nullable: true }) p50LatencyMs: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95LatencyMs: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99LatencyMs: number | null;
  @ApiProperty({ type: [TopApiDto] }) topApis: TopApiDto[];
  @ApiProperty({ type: [TopKeyDto] }) topKeys: TopKeyDto[];
}

export class SummaryResponseDto {
  @ApiProperty({ type: SummaryDto }) data: SummaryDto;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'auth.login.failure' }) type: string;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) apiKeyId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEventDto] }) data: AuditEventDto[];
  @ApiProperty({ type: ListMetaDto }) meta: ListMetaDto;
}
