import type { DataSource } from 'typeorm';

/** This database's installation id (made by the InstallationIdentity migration). */
export async function installationId(dataSource: DataSource): Promise<string> {
  const [row] = (await dataSource.query('SELECT id FROM datahub_installation LIMIT 1')) as Array<{ id: string }>;
  if (!row) throw new Error('datahub_installation is empty: run the migrations');
  return row.id;
}
