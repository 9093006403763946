import { connect } from 'node:net';

function complete(answer: string): boolean {
  const headerEnd = answer.indexOf('\r\n\r\n');
  if (headerEnd === -1) return false;
  const head = answer.slice(0, headerEnd);
  const length = /content-length: (\d+)/i.exec(head)?.[1];
  if (length !== undefined) return Buffer.byteLength(answer.slice(headerEnd + 4)) >= Number(length);
  return /transfer-encoding: chunked/i.test(head) && answer.endsWith('0\r\n\r\n');
}

/** Sends bytes exactly as given (no client-side URL normalisation) and returns the raw answer. */
export function rawExchange(baseUrl: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`timeout; got: ${answer.slice(0, 300)}`)));
    socket.on('data', (chunk) => {
      answer += chunk;
      if (complete(answer)) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

export function statusOf(answer: string): number {
  return Number(answer.split(' ')[1]);
}

/** The body, de-chunked when the answer was chunked. */
export function bodyOf(answer: string): string {
  const headerEnd = answer.indexOf('\r\n\r\n');
  let body = answer.slice(headerEnd + 4);
  if (!/transfer-encoding: chunked/i.test(answer.slice(0, headerEnd))) return body;
  let out = '';
  for (;;) {
    const lineEnd = body.indexOf('\r\n');
    const size = parseInt(body.slice(0, lineEnd), 16);
    if (!size) return out;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    body = body.slice(lineEnd + 2 + size + 2);
  }
}
