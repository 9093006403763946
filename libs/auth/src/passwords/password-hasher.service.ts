import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import * as bcrypt from 'bcrypt';

/**
 * bcrypt runs on libuv's small thread pool (4 threads): at most two hashes at once leaves
 * threads for DNS, file and crypto work, so a login flood cannot starve the proxy path.
 */
const MAX_CONCURRENT_HASHES = 2;

@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** A real hash of a random password, compared against for unknown emails. */
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return this.limited(() => bcrypt.hash(password, this.config.auth.passwordHashCost));
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.limited(() => bcrypt.compare(password, hash));
  }

  /** Spends the same time as a real comparison, so timing does not reveal unknown emails. */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash(`dummy-${Math.random()}-${Date.now()}`);
    await this.verify(password, await this.dummyHash);
    return false;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
