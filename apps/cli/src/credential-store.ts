import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What `datahub login` keeps per server. */
export interface Credentials {
  email?: string;
  accessToken: string;
  /** always there for the CLI, which never asks for the browser's refresh cookie */
  refreshToken?: string;
}

interface CredentialsFile {
  version: 1;
  /** by base URL: signing in to another server keeps the sign-in to this one */
  servers: Record<string, Credentials>;
}

/** `$DATAHUB_CONFIG_DIR`, else `$XDG_CONFIG_HOME/datahub`, else `~/.config/datahub`. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.DATAHUB_CONFIG_DIR) return env.DATAHUB_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'datahub');
}

/** Tokens on disk, readable by the user only (directory 0700, file 0600, replaced atomically). */
export class CredentialStore {
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'credentials.json');
  }

  load(url: string): Credentials | undefined {
    return this.read().servers[url];
  }

  save(url: string, credentials: Credentials): void {
    const content = this.read();
    content.servers[url] = credentials;
    this.write(content);
  }

  remove(url: string): boolean {
    const content = this.read();
    if (!content.servers[url]) return false;
    delete content.servers[url];
    this.write(content);
    return true;
  }

  private read(): CredentialsFile {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as CredentialsFile;
      return parsed?.servers && typeof parsed.servers === 'object' ? parsed : { version: 1, servers: {} };
    } catch {
      return { version: 1, servers: {} };
    }
  }

  private write(content: CredentialsFile): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600); // the umask may have widened nothing, but an old temp file might exist
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}
