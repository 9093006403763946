import { Module } from '@nestjs/common';

/** API key issuance, validation and caching (issue: API keys). */
@Module({})
export class ApiKeysModule {}
