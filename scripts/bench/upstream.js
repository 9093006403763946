// The benchmark upstream: plain node:http answering ~100 bytes of JSON.
const http = require('node:http');

const body = JSON.stringify({
  ok: true,
  service: 'bench-upstream',
  items: [1, 2, 3],
  note: 'a small JSON answer of about 100 b',
});
http
  .createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
