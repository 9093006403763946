import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bytes: number;
  sha256: string;
  aborted: boolean;
}

/**
 * A real upstream for gateway tests. Paths: /echo/* answers what it received (and echoes
 * the body back with ?mirror=1), /status/<code>, /hang (never answers), /reset (drops the
 * socket), /hop (answers hop-by-hop headers).
 */
export class TestUpstream {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  readonly seen: SeenRequest[] = [];
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let bytes = 0;
    const record: SeenRequest = {
      method: req.method!,
      url: req.url!,
      headers: req.headers,
      bytes: 0,
      sha256: '',
      aborted: false,
    };
    this.seen.push(record);
    req.on('close', () => {
      if (!req.complete || !res.writableEnded) record.aborted = !res.writableEnded;
    });
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      hash.update(chunk);
      if (req.url!.includes('mirror=1')) chunks.push(chunk);
    });
    req.on('end', () => {
      record.bytes = bytes;
      record.sha256 = hash.digest('hex');
      const path = req.url!.split('?')[0];
      if (path.endsWith('/hang')) return;
      if (path.endsWith('/reset')) return req.socket.destroy();
      const status = /\/status\/(\d{3})$/.exec(path);
      if (status) {
        res.writeHead(Number(status[1]), {
          'content-type': 'application/json',
          'x-upstream': 'yes',
          vary: 'Accept-Encoding',
        });
        return res.end(JSON.stringify({ status: Number(status[1]) }));
      }
      if (path.endsWith('/hop')) {
        res.writeHead(200, {
          connection: 'x-upstream-hop',
          'x-upstream-hop': 'secret',
          'keep-alive': 'timeout=5',
          'content-type': 'text/plain',
        });
        return res.end('hop');
      }
      if (req.url!.includes('mirror=1')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(Buffer.concat(chunks));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, bytes, sha256: record.sha256 }));
    });
  }
}
