import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FakeHandler = (req: SeenRequest, res: ServerResponse) => void;

/** A real node:http server for the SDK's unit tests; each test installs its own handler. */
export class FakeServer {
  readonly requests: SeenRequest[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private handler: FakeHandler = (_req, res) => res.writeHead(500).end();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const seen = { method: req.method!, url: req.url!, headers: req.headers, body };
        this.requests.push(seen);
        this.handler(seen, res);
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  handle(handler: FakeHandler): void {
    this.requests.length = 0;
    this.handler = handler;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const problem = status >= 400 ? 'application/problem+json' : 'application/json';
  res.writeHead(status, { 'content-type': problem, 'x-request-id': 'req-from-header', ...headers });
  res.end(JSON.stringify(body));
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: `https://datahub.dev/problems/${code.toLowerCase()}`,
    title: `Title ${status}`,
    status,
    detail: `detail of ${code}`,
    code,
    ...extra,
  };
}
