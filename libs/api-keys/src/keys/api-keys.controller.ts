import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, Permission } from '@app/auth';
import { Client, ClientContext, listEnvelope, UuidParam } from '@app/core';
import {
  ApiKeyEnvelopeDto,
  ApiKeyListDto,
  ApiKeyWithSecretEnvelopeDto,
  CreateApiKeyDto,
  ListApiKeysQueryDto,
  RotateApiKeyDto,
  UpdateApiKeyDto,
} from '../dto/api-key.dto';
import { ApiKeysService } from './api-keys.service';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

@ApiTags('api keys')
@ApiBadRequestResponse({ description: 'Invalid input', schema: PROBLEM })
@Controller('api/v1/keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Auth(Permission.KeysWrite)
  @ApiOperation({ summary: 'Issue a key; the secret is in this response only' })
  @ApiCreatedResponse({ type: ApiKeyWithSecretEnvelopeDto })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateApiKeyDto, @Client() client: ClientContext): Promise<ApiKeyWithSecretEnvelopeDto> {
    return { data: await this.keys.create(user, body, client) };
  }

  @Get()
  @Auth(Permission.KeysRead)
  @ApiOperation({ summary: 'Your keys (all keys for admins); never the secret or its hash' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListApiKeysQueryDto): Promise<ApiKeyListDto> {
    const { keys, total } = await this.keys.list(user, query);
    return listEnvelope(keys, total, query);
  }

  @Get(':id')
  @Auth(Permission.KeysRead)
  @ApiOperation({ summary: 'One key' })
  @ApiOkResponse({ type: ApiKeyEnvelopeDto })
  @ApiNotFoundResponse({ schema: PROBLEM })
  async get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string): Promise<ApiKeyEnvelopeDto> {
    return { data: await this.keys.get(user, id) };
  }

  @Patch(':id')
  @Auth(Permission.KeysWrite)
  @ApiOperation({ summary: 'Rename, change tier, expiry or permissions (effective on every node within a second)' })
  @ApiOkResponse({ type: ApiKeyEnvelopeDto })
  @ApiNotFoundResponse({ schema: PROBLEM })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateApiKeyDto,
    @Client() client: ClientContext,
  ): Promise<ApiKeyEnvelopeDto> {
    return { data: await this.keys.update(user, id, body, client) };
  }

  @Delete(':id')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke (owner, or keys:revoke); refused on every gateway node within a second' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ schema: PROBLEM })
  async revoke(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Client() client: ClientContext): Promise<void> {
    await this.keys.revoke(user, id, client);
  }

  @Post(':id/rotate')
  @Auth(Permission.KeysWrite)
  @ApiOperation({ summary: 'A new secret for the same key; the old one stops now or after gracePeriodSeconds' })
  @ApiCreatedResponse({ type: ApiKeyWithSecretEnvelopeDto })
  @ApiNotFoundResponse({ schema: PROBLEM })
  @ApiConflictResponse({ description: 'API_KEY_REVOKED', schema: PROBLEM })
  async rotate(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: RotateApiKeyDto,
    @Client() client: ClientContext,
  ): Promise<ApiKeyWithSecretEnvelopeDto> {
    return { data: await this.keys.rotate(user, id, body ?? {}, client) };
  }
}
