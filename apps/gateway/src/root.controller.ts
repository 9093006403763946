import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/core';

/** A browser pointed at the server lands on the API explorer. */
@ApiTags('meta')
@Public()
@Controller()
export class RootController {
  @Get()
  @Redirect('/docs', 302)
  @ApiOperation({ summary: 'Redirects to the API explorer at /docs' })
  @ApiResponse({ status: 302, description: 'Found; `Location: /docs`' })
  root(): void {}
}
