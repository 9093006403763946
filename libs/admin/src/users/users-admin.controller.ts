import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, Permission, toUserDto, UserEnvelopeDto, UsersService } from '@app/auth';
import { ApiProblem, Client, ClientContext, listEnvelope, UuidParam } from '@app/core';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserListDto } from './user-admin.dto';

@ApiTags('admin: users')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/admin/users')
export class UsersAdminController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Auth(Permission.UsersRead)
  @ApiOperation({ summary: 'List users (filter by role or email)' })
  @ApiOkResponse({ type: UserListDto })
  async list(@Query() query: ListUsersQueryDto): Promise<UserListDto> {
    const { users, total } = await this.users.list(query);
    return listEnvelope(users.map(toUserDto), total, query);
  }

  @Get(':id')
  @Auth(Permission.UsersRead)
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  async get(@Param('id', UuidParam) id: string): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.getById(id)) };
  }

  @Post()
  @Auth(Permission.UsersWrite)
  @ApiOperation({ summary: 'Create a user with a role' })
  @ApiCreatedResponse({ type: UserEnvelopeDto })
  @ApiProblem(409, ['EMAIL_TAKEN'])
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() actor: AuthUser,
    @Client() client: ClientContext,
  ): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.create(body, { actorId: actor.id, client, via: 'admin' })) };
  }

  @Patch(':id')
  @Auth(Permission.UsersWrite)
  @ApiOperation({ summary: "Rename or change role (a role change ends the user's tokens and is audited)" })
  @ApiOkResponse({ type: UserEnvelopeDto })
  @ApiProblem(404, ['NOT_FOUND'])
  @ApiProblem(409, ['LAST_ADMIN'], 'The last admin cannot be demoted')
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
    @Client() client: ClientContext,
  ): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.update(id, body, actor.id, client)) };
  }

  @Delete(':id/sessions')
  @Auth(Permission.UsersWrite)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End every sign-in of a user: their access and refresh tokens stop at once (their API keys keep working)',
  })
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  @ApiProblem(404, ['NOT_FOUND'])
  async endSessions(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.users.getById(id);
    await this.users.endSessions(id, { actorId: actor.id, client });
  }

  @Delete(':id')
  @Auth(Permission.UsersWrite)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a user: revokes their API keys, refresh and access tokens at once' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, ['NOT_FOUND'])
  @ApiProblem(409, ['LAST_ADMIN'], 'The last admin cannot be deleted')
  async delete(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.users.delete(id, actor.id, client);
  }
}
