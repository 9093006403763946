import type { ClientContext } from './client-context';

/** Who makes an audited change, and from where: what a service needs to record it. */
export interface ChangeContext {
  actorId: string;
  client: ClientContext;
}
