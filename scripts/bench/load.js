/**
 * The benchmarks' closed-loop load: wrk when it is installed (a C program: it leaves the
 * server nearly all of the second core, where autocannon, a Node process, takes much of it
 * and pulls every ratio toward 1), else autocannon, saying so. BENCH_LOADER=autocannon
 * forces the fallback.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');

const WRK = process.env.BENCH_LOADER === 'autocannon' ? undefined : findWrk();

function findWrk() {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Which load generator runs, for the reports. */
const loaderName = WRK ? 'wrk' : 'autocannon (wrk is not installed: apt-get install wrk)';

/**
 * Picks a key per request from a file of keys (one per line), or sends fixed headers; the
 * rest of the request is wrk's default GET.
 */
const WRK_SCRIPT = `
local keys = {}
local file = os.getenv("BENCH_KEYS_FILE")
if file and file ~= "" then for line in io.lines(file) do keys[#keys + 1] = line end end
local thread_seed = 0
function setup(thread) thread_seed = thread_seed + 1; thread:set("seed", thread_seed) end
function init(args) math.randomseed(os.time() * 1000 + (seed or 0)) end
function request()
  if #keys > 0 then wrk.headers["x-api-key"] = keys[math.random(#keys)] end
  return wrk.format()
end
`;
let scriptFile;

/** "1.23ms" → 1.23 */
function millis(text) {
  const [, value, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text) ?? [];
  if (value === undefined) return NaN;
  return Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit];
}

function runWrk({ url, headers = {}, keysFile, duration, connections }) {
  scriptFile ??= join(mkdtempSync(join(tmpdir(), 'datahub-wrk-')), 'request.lua');
  writeFileSync(scriptFile, WRK_SCRIPT);
  const args = ['-t', '2', '-c', String(connections), '-d', `${duration}s`, '--latency', '-s', scriptFile];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const run = spawnSync(WRK, [...args, url], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_KEYS_FILE: keysFile ?? '' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || run.stdout}`);
  const out = run.stdout;
  const percentile = (p) => millis(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: percentile(50),
    p99: percentile(99),
    requests,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: errors ? errors.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
  };
}

async function runAutocannon({ url, headers = {}, keysFile, duration, connections }) {
  const keys = keysFile ? require('node:fs').readFileSync(keysFile, 'utf8').trim().split('\n') : undefined;
  const result = await autocannon({
    url,
    connections,
    duration,
    headers,
    pipelining: 1,
    ...(keys
      ? {
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                headers: { ...req.headers, 'x-api-key': keys[Math.floor(Math.random() * keys.length)] },
              }),
            },
          ],
        }
      : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    socketErrors: result.errors,
  };
}

/** One closed-loop run: requests/s, p50 and p99 in ms, requests, answers that were not 2xx, and connections that failed. */
function closedLoop(options) {
  return WRK ? Promise.resolve(runWrk(options)) : runAutocannon(options);
}

module.exports = { closedLoop, loaderName };
