import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, hasPermission, Permission } from '@app/auth';
import { ApiProblem, Client, ClientContext, listEnvelope, UuidParam } from '@app/core';
import { ApiEnvelopeDto, ApiListDto, CreateApiDto, ListApisQueryDto, UpdateApiDto } from './api.dto';
import { ApiRegistryService, toApiDto } from './api-registry.service';

/** Whether this caller may see the upstream's address and settings. */
const seesUpstream = (user: AuthUser) => hasPermission(user.role, Permission.ApisWrite);

@ApiTags('admin: apis')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/admin/apis')
export class ApisAdminController {
  constructor(private readonly registry: ApiRegistryService) {}

  @Get()
  @Auth(Permission.ApisRead)
  @ApiOperation({ summary: 'List registered APIs (the upstream and its settings only for users with apis:write)' })
  @ApiOkResponse({ type: ApiListDto })
  async list(@Query() query: ListApisQueryDto, @CurrentUser() user: AuthUser): Promise<ApiListDto> {
    const { apis, total } = await this.registry.list(query);
    return listEnvelope(
      apis.map((api) => toApiDto(api, seesUpstream(user))),
      total,
      query,
    );
  }

  @Get(':id')
  @Auth(Permission.ApisRead)
  @ApiOperation({ summary: 'One API' })
  @ApiOkResponse({ type: ApiEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<ApiEnvelopeDto> {
    return { data: toApiDto(await this.registry.get(id), seesUpstream(user)) };
  }

  @Post()
  @Auth(Permission.ApisWrite)
  @ApiOperation({ summary: 'Register an upstream under /gateway/{name}/*' })
  @ApiCreatedResponse({ type: ApiEnvelopeDto })
  @ApiProblem(409, ['NAME_TAKEN'])
  async create(
    @Body() body: CreateApiDto,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<ApiEnvelopeDto> {
    return { data: toApiDto(await this.registry.create(body, { actorId: user.id, client }), true) };
  }

  @Patch(':id')
  @Auth(Permission.ApisWrite)
  @ApiOperation({ summary: 'Change an API (every gateway node sees it within a second)' })
  @ApiOkResponse({ type: ApiEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  @ApiProblem(409, ['NAME_TAKEN'])
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateApiDto,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<ApiEnvelopeDto> {
    return { data: toApiDto(await this.registry.update(id, body, { actorId: user.id, client }), true) };
  }

  @Delete(':id')
  @Auth(Permission.ApisWrite)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an API (its key permissions go with it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, ['NOT_FOUND'])
  async delete(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthUser,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.registry.delete(id, { actorId: user.id, client });
  }
}
