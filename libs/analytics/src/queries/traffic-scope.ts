import type { ApiRegistryService } from '@app/admin';
import { NotFoundError } from '@app/core';
import { UserRole } from '@app/db';
import type { DataSource } from 'typeorm';
import type { TrafficFilterQueryDto } from '../dto/analytics-query.dto';
import type { TimeRange } from './time-range';

/** Who is asking: admins see all traffic, everyone else only their own keys'. */
export interface Viewer {
  id: string;
  role: UserRole;
}

/** A WHERE clause over request_logs (no leading keyword) with its positional parameters. */
export interface TrafficScope {
  where: string;
  params: unknown[];
}

/**
 * Turns a caller and their filters into a parameterised condition. The API name goes
 * through the registry's cache, key ownership to the primary (a key created a moment ago
 * is found); an unknown API answers 404 API_NOT_FOUND, another user's key 404 NOT_FOUND,
 * exactly like the keys routes.
 */
export async function trafficScope(
  dataSource: DataSource,
  registry: ApiRegistryService,
  viewer: Viewer,
  filter: TrafficFilterQueryDto,
  range: TimeRange,
): Promise<TrafficScope> {
  const params: unknown[] = [range.from, range.to];
  const conditions = ['"timestamp" >= $1', '"timestamp" < $2'];
  if (filter.api) {
    const api = await registry.findByName(filter.api);
    if (!api) throw new NotFoundError(`No API is named ${filter.api}`, 'API_NOT_FOUND');
    params.push(api.id);
    conditions.push(`api_id = $${params.length}`);
  }
  const admin = viewer.role === UserRole.Admin;
  if (filter.keyId) {
    const [key] = await dataSource.query(
      `SELECT id FROM api_keys WHERE id = $1 ${admin ? '' : 'AND user_id = $2'}`,
      admin ? [filter.keyId] : [filter.keyId, viewer.id],
    );
    if (!key) throw new NotFoundError('The API key does not exist');
    params.push(filter.keyId);
    conditions.push(`api_key_id = $${params.length}`);
  } else if (!admin) {
    params.push(viewer.id);
    conditions.push(`api_key_id IN (SELECT id FROM api_keys WHERE user_id = $${params.length})`);
  }
  return { where: conditions.join(' AND '), params };
}
