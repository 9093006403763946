import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, AuthUser, CurrentUser, Permission, toUserDto, UserEnvelopeDto, UsersService } from '@app/auth';
import { Client, ClientContext, listEnvelope, UuidParam } from '@app/core';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserListDto } from './user-admin.dto';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

@ApiTags('admin: users')
@ApiBadRequestResponse({ description: 'Invalid input', schema: PROBLEM })
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
  @ApiNotFoundResponse({ schema: PROBLEM })
  async get(@Param('id', UuidParam) id: string): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.getById(id)) };
  }

  @Post()
  @Auth(Permission.UsersWrite)
  @ApiOperation({ summary: 'Create a user with a role' })
  @ApiCreatedResponse({ type: UserEnvelopeDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN', schema: PROBLEM })
  async create(@Body() body: CreateUserDto): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.create(body)) };
  }

  @Patch(':id')
  @Auth(Permission.UsersWrite)
  @ApiOperation({ summary: 'Rename or change role (a role change ends the user\'s tokens and is audited)' })
  @ApiOkResponse({ type: UserEnvelopeDto })
  @ApiNotFoundResponse({ schema: PROBLEM })
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
    @Client() client: ClientContext,
  ): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.update(id, body, actor.id, client)) };
  }

  @Delete(':id')
  @Auth(Permission.UsersWrite)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a user: revokes their API keys, refresh and access tokens at once' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ schema: PROBLEM })
  async delete(@Param('id', UuidParam) id: string): Promise<void> {
    await this.users.delete(id);
  }
}
