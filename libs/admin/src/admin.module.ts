import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Api, RateLimit } from '@app/db';
import { ApiRegistryService } from './apis/api-registry.service';
import { ApisAdminController } from './apis/apis-admin.controller';
import { RateLimitTiersController } from './rate-limits/rate-limit-tiers.controller';
import { RateLimitTiersService } from './rate-limits/rate-limit-tiers.service';
import { UsersAdminController } from './users/users-admin.controller';

/** Administration: users, the API registry and rate-limit tiers (the last two cached for the gateway). */
@Module({
  imports: [TypeOrmModule.forFeature([Api, RateLimit])],
  controllers: [UsersAdminController, ApisAdminController, RateLimitTiersController],
  providers: [ApiRegistryService, RateLimitTiersService],
  exports: [ApiRegistryService, RateLimitTiersService],
})
export class AdminModule {}
