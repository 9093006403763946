import { Injectable } from '@nestjs/common';

/**
 * Process-wide lifecycle flags. Draining: readiness answers 503 while requests are still
 * served, so that load balancers move away. Closing: the process is shutting its pools and
 * new requests are answered 503 at once.
 */
@Injectable()
export class LifecycleState {
  private drainingSince?: Date;
  private closingSince?: Date;

  beginDraining(): void {
    this.drainingSince ??= new Date();
  }

  beginClosing(): void {
    this.beginDraining();
    this.closingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  get closing(): boolean {
    return this.closingSince !== undefined;
  }
}
