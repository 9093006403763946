import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from '@app/admin';
import { ApiKey, ApiPermission } from '@app/db';
import { ApiKeysController } from './keys/api-keys.controller';
import { ApiKeysService } from './keys/api-keys.service';
import { ApiKeyGuard } from './validation/api-key.guard';
import { ApiKeyValidator } from './validation/api-key-validator.service';
import { LastUsedTracker } from './validation/last-used-tracker.service';

/** API key issuance and the gateway's key validation (L1/L2/PostgreSQL, invalidated everywhere). */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey, ApiPermission]), AdminModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyValidator, LastUsedTracker, ApiKeyGuard],
  exports: [ApiKeyValidator, ApiKeyGuard, LastUsedTracker],
})
export class ApiKeysModule {}
