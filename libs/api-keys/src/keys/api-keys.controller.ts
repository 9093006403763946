import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, ExpensiveRoute, Permission } from '@app/auth';
import { ApiProblem, Client, ClientContext, listEnvelope, UuidParam } from '@app/core';
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

@ApiTags('api keys')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Auth(Permission.KeysWrite)
  @ExpensiveRoute()
  @ApiOperation({ summary: 'Issue a key; the secret is in this response only' })
  @ApiCreatedResponse({ type: ApiKeyWithSecretEnvelopeDto })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateApiKeyDto,
    @Client() client: ClientContext,
  ): Promise<ApiKeyWithSecretEnvelopeDto> {
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
  @ApiProblem(404, ['NOT_FOUND'])
  async get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string): Promise<ApiKeyEnvelopeDto> {
    return { data: await this.keys.get(user, id) };
  }

  @Patch(':id')
  @Auth(Permission.KeysWrite)
  @ApiOperation({ summary: 'Rename, change tier, expiry or permissions (effective on every node within a second)' })
  @ApiOkResponse({ type: ApiKeyEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
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
  @ApiProblem(404, ['NOT_FOUND'])
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.keys.revoke(user, id, client);
  }

  @Post(':id/rotate')
  @Auth(Permission.KeysWrite)
  @ApiOperation({ summary: 'A new secret for the same key; the old one stops now or after gracePeriodSeconds' })
  @ApiCreatedResponse({ type: ApiKeyWithSecretEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  @ApiProblem(409, ['API_KEY_REVOKED'], 'A revoked key cannot be rotated')
  async rotate(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: RotateApiKeyDto,
    @Client() client: ClientContext,
  ): Promise<ApiKeyWithSecretEnvelopeDto> {
    return { data: await this.keys.rotate(user, id, body ?? {}, client) };
  }
}
