import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblem, AppConfig, AuthenticationError, Client, ClientContext, Public } from '@app/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';
import { MeEnvelopeDto, TokenPairDto, UserEnvelopeDto } from './dto/auth-responses.dto';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto, RegisterDto } from './dto/credentials.dto';
import type { AuthUser } from './rbac/auth-user';
import { Auth, CurrentUser } from './rbac/decorators';
import { ROLE_PERMISSIONS } from './rbac/permissions';
import { AuthThrottlerGuard } from './throttling/auth-throttler.guard';
import {
  asksForRefreshCookie,
  clearRefreshCookie,
  REFRESH_COOKIE_HEADER,
  refreshCookieOf,
  setRefreshCookie,
} from './tokens/refresh-cookie';
import { toUserDto } from './users/user.mapper';
import { UsersService } from './users/users.service';

@ApiTags('auth')
@ApiProblem(400, ['VALIDATION_FAILED'])
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** The pair as this client keeps it: a browser that chose the cookie gets the refresh token there. */
  private deliver(pair: TokenPairDto, inCookie: boolean, request: FastifyRequest, reply: FastifyReply): TokenPairDto {
    return inCookie ? setRefreshCookie(request, reply, pair, this.config.auth.refreshTokenTtlDays) : pair;
  }

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
  async login(
    @Body() body: LoginDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.login(body.email, body.password, client);
    return this.deliver(pair, body.refreshCookie === true, request, reply);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rotate a refresh token: the old one stops working' })
  @ApiHeader({
    name: 'X-DataHub-Refresh-Cookie',
    required: false,
    enum: ['1'],
    description: 'required to use the `datahub_refresh` cookie instead of a token in the body',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblem(401, ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'REFRESH_TOKEN_REUSED'])
  async refresh(
    @Body() body: RefreshDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const cookie = body.refreshToken === undefined ? refreshCookieOf(request) : undefined;
    const token = body.refreshToken ?? cookie;
    if (token === undefined)
      throw new AuthenticationError('TOKEN_MISSING', 'No refresh token: send refreshToken, or sign in again');
    if (cookie !== undefined && !asksForRefreshCookie(request))
      throw new AuthenticationError(
        'TOKEN_MISSING',
        `The refresh cookie is used only with the header ${REFRESH_COOKIE_HEADER}: 1, which a cross-site request cannot send`,
      );
    const pair = await this.auth.refresh(token, client).catch((error: unknown) => {
      // A refused cookie is useless to the browser, which signs in again; after a failure of
      // ours (503) the same cookie may still work later.
      if (cookie !== undefined && error instanceof AuthenticationError) clearRefreshCookie(request, reply);
      throw error;
    });
    return this.deliver(pair, cookie !== undefined, request, reply);
  }

  @Post('logout')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Blacklist this access token until it expires and revoke the refresh token' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(
    @CurrentUser() user: AuthUser,
    @Body() body: LogoutDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const cookie = refreshCookieOf(request);
    const refreshTokens = [body?.refreshToken, cookie].filter((token): token is string => token !== undefined);
    await this.auth.logout(user, refreshTokens, client);
    if (cookie !== undefined) clearRefreshCookie(request, reply);
  }

  @Post('password')
  // Above @Auth(), whose own 401 it extends (the access-token codes are added to the document).
  @ApiProblem(401, ['INVALID_CREDENTIALS'], 'The current password is wrong, or the access token is not valid')
  @Auth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Change your password: every sign-in ends; the answer is a new token pair for this one' })
  @ApiOkResponse({ type: TokenPairDto })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.changePassword(user, body.currentPassword, body.newPassword, client);
    return this.deliver(pair, body.refreshCookie === true, request, reply);
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
