import { Module } from '@nestjs/common';
import { UsersAdminController } from './users/users-admin.controller';

/** Administration: users (here), the API registry and rate-limit tiers (API-keys issue). */
@Module({
  controllers: [UsersAdminController],
})
export class AdminModule {}
