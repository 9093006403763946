import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

const tableName = (table: Table | string) => (typeof table === 'string' ? table : table.name).split('.').pop()!;

/** Readable constraint names (`pk_users`, `uq_users_email`, `fk_api_keys_user_id`) instead of hashes. */
export class ReadableNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override primaryKeyName(table: Table | string): string {
    return `pk_${tableName(table)}`;
  }

  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return `uq_${tableName(table)}_${columns.join('_')}`;
  }

  override foreignKeyName(table: Table | string, columns: string[]): string {
    return `fk_${tableName(table)}_${columns.join('_')}`;
  }

  override indexName(table: Table | string, columns: string[]): string {
    return `idx_${tableName(table)}_${columns.join('_')}`;
  }
}
