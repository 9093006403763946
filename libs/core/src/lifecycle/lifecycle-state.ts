import { Injectable } from '@nestjs/common';

/** Process-wide lifecycle flags; readiness turns 503 as soon as draining starts. */
@Injectable()
export class LifecycleState {
  private drainingSince?: Date;

  beginDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }
}
