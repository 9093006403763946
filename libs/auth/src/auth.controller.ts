import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, Client, ClientContext, Public } from '@app/core';
import { AuthService } from './auth.service';
import { MeEnvelopeDto, TokenPairDto, UserEnvelopeDto } from './dto/auth-responses.dto';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto, RegisterDto } from './dto/credentials.dto';
import type { AuthUser } from './rbac/auth-user';
import { Auth, CurrentUser } from './rbac/decorators';
import { ROLE_PERMISSIONS } from './rbac/permissions';
import { AuthThrottlerGuard } from './throttling/auth-throttler.guard';
import { toUserDto } from './users/user.mapper';
import { UsersService } from './users/users.service';

@ApiTags('auth')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @ApiOperation({ summary: 'Create an account (role viewer)' })
  @ApiCreatedResponse({ type: UserEnvelopeDto })
  @ApiProblem(409, ['EMAIL_TAKEN'])
  @ApiProblem(429, ['RATE_LIMITED'], 'Too many registrations from this address')
  async register(@Body() body: RegisterDto, @Client() client: ClientContext): Promise<UserEnvelopeDto> {
    return { data: toUserDto(await this.users.create(body, { actorId: null, client, via: 'register' })) };
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for an access token and a refresh token' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblem(401, ['INVALID_CREDENTIALS'])
  @ApiProblem(429, ['RATE_LIMITED'], 'Too many failed sign-ins for this account or address')
  login(@Body() body: LoginDto, @Client() client: ClientContext): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, client);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rotate a refresh token: the old one stops working' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblem(401, ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'REFRESH_TOKEN_REUSED'])
  refresh(@Body() body: RefreshDto, @Client() client: ClientContext): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken, client);
  }

  @Post('logout')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Blacklist this access token until it expires and revoke the refresh token' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentUser() user: AuthUser, @Body() body: LogoutDto, @Client() client: ClientContext): Promise<void> {
    await this.auth.logout(user, body?.refreshToken, client);
  }

  @Post('password')
  // Above @Auth(), whose own 401 it extends (the access-token codes are added to the document).
  @ApiProblem(401, ['INVALID_CREDENTIALS'], 'The current password is wrong, or the access token is not valid')
  @Auth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Change your password: every sign-in ends; the answer is a new token pair for this one' })
  @ApiOkResponse({ type: TokenPairDto })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Client() client: ClientContext,
  ): Promise<TokenPairDto> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword, client);
  }

  @Post('logout-all')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End every sign-in of yours, on every device: access and refresh tokens stop at once' })
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  async logoutAll(@CurrentUser() user: AuthUser, @Client() client: ClientContext): Promise<void> {
    await this.users.endSessions(user.id, { actorId: user.id, client });
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in user and the permissions of their role' })
  @ApiOkResponse({ type: MeEnvelopeDto })
  me(@CurrentUser() user: AuthUser): MeEnvelopeDto {
    return {
      data: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        permissions: [...ROLE_PERMISSIONS[user.role]],
      },
    };
  }
}
