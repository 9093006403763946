/**
 * The sliding-window decision of sliding-window.ts in one atomic Redis script: every
 * window of the request (burst, minute, hour, the API's own) checked against Redis' own
 * clock and counted all-or-nothing. KEYS share the `{rl:<subject>}` hash tag (one cluster
 * slot). ARGV per key: limit, bucketMs, buckets; then how many requests the call decides.
 * Those requests (concurrent ones of one subject, batched by the caller) are decided in
 * order, each exactly as if it were a call of its own. Returns, per request: allowed, then
 * per key used, resetMs, retryMs.
 *
 * Each window is a hash of per-bucket counts plus two bookkeeping fields: `s`, the sum of
 * the live buckets, and `o`, the oldest live bucket. An admitted request therefore costs
 * O(1) per window (read s and o once per call, two increments per call); buckets are only
 * walked when one falls out of the window (at most once per bucket) or when a refusal
 * needs its Retry-After. A hash without `s` (written by an earlier version) is rebuilt
 * from its buckets once.
 * An extra last ARGV replaces Redis' clock (milliseconds); only the equivalence test
 * against sliding-window.ts passes it.
 */
export const RATE_LIMIT_SCRIPT = `
local unpack = unpack or table.unpack
local n = #KEYS
local requests = tonumber(ARGV[n * 3 + 1])
local now = tonumber(ARGV[n * 3 + 2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function range(from, to)
  local ids = {}
  for b = from, to do ids[#ids + 1] = b end
  return ids
end

-- Sum and oldest live bucket recomputed from every field; stale buckets deleted.
local function rebuild(key, first)
  local fields = redis.call('HGETALL', key)
  local sum, low, stale = 0, nil, {}
  for j = 1, #fields, 2 do
    local bucket = tonumber(fields[j])
    if bucket ~= nil then
      if bucket < first then
        stale[#stale + 1] = fields[j]
      else
        sum = sum + tonumber(fields[j + 1])
        if low == nil or bucket < low then low = bucket end
      end
    end
  end
  if #stale > 0 then redis.call('HDEL', key, unpack(stale)) end
  return sum, low
end

-- Drops the buckets older than first from the running sum; finds the new oldest.
local function evict(key, sum, low, first, cur, buckets)
  if first - low > buckets + 2 then return rebuild(key, first) end
  local ids = range(low, first - 1)
  local counts = redis.call('HMGET', key, unpack(ids))
  local stale = {}
  for j = 1, #ids do
    if counts[j] then
      sum = sum - tonumber(counts[j])
      stale[#stale + 1] = ids[j]
    end
  end
  if #stale > 0 then redis.call('HDEL', key, unpack(stale)) end
  if sum <= 0 then return 0, nil end
  local live = range(first, cur)
  local present = redis.call('HMGET', key, unpack(live))
  for j = 1, #live do
    if present[j] then return sum, live[j] end
  end
  return rebuild(key, first)
end

-- Each window's state, brought up to date once for the whole batch.
local limits, bucketMs, buckets, current, sums, lows, added, opened = {}, {}, {}, {}, {}, {}, {}, {}
for i = 1, n do
  local key = KEYS[i]
  limits[i] = tonumber(ARGV[(i - 1) * 3 + 1])
  bucketMs[i] = tonumber(ARGV[(i - 1) * 3 + 2])
  buckets[i] = tonumber(ARGV[(i - 1) * 3 + 3])
  local cur = math.floor(now / bucketMs[i])
  local first = cur - buckets[i]
  current[i] = cur
  local state = redis.call('HMGET', key, 's', 'o')
  local sum, low = tonumber(state[1]), tonumber(state[2])
  local changed = false
  if sum == nil then
    sum = 0
    if redis.call('EXISTS', key) == 1 then
      sum, low = rebuild(key, first)
      changed = true
    end
  elseif low ~= nil and low < first then
    sum, low = evict(key, sum, low, first, cur, buckets[i])
    changed = true
  end
  if changed then
    redis.call('HSET', key, 's', sum)
    if low == nil then redis.call('HDEL', key, 'o') else redis.call('HSET', key, 'o', low) end
  end
  sums[i], lows[i], added[i], opened[i] = sum, low, 0, false
end

-- Bucket counts from the oldest live one to the current one, read once per batch (the
-- current bucket's count in Redis lacks this batch's admissions: added[i] holds those).
local live = {}
local function retryAfter(i)
  -- An empty window refuses only at a limit below 1 (the API never sets one): next bucket.
  if lows[i] == nil then return (current[i] + 1) * bucketMs[i] - now end
  local cached = live[i]
  if cached == nil or cached.low ~= lows[i] then
    local ids = range(lows[i], current[i])
    cached = { low = lows[i], ids = ids, counts = redis.call('HMGET', KEYS[i], unpack(ids)) }
    live[i] = cached
  end
  -- The wait until enough of the oldest requests have left the window.
  local need = sums[i] + 1 - limits[i]
  local freed = 0
  for j = 1, #cached.ids do
    local count = tonumber(cached.counts[j]) or 0
    if cached.ids[j] == current[i] then count = count + added[i] end
    freed = freed + count
    if count > 0 and freed >= need then return (cached.ids[j] + buckets[i] + 1) * bucketMs[i] - now end
  end
  return (current[i] + 1) * bucketMs[i] - now
end

-- The requests in order, as if each were its own call: admitted only if every window has
-- room, and then counted in every window.
local out = {}
for r = 1, requests do
  local allowed = 1
  for i = 1, n do
    if sums[i] + 1 > limits[i] then allowed = 0 end
  end
  out[#out + 1] = allowed
  for i = 1, n do
    local retry = 0
    if allowed == 1 then
      sums[i] = sums[i] + 1
      added[i] = added[i] + 1
      if lows[i] == nil then
        lows[i] = current[i]
        opened[i] = true
      end
    elseif sums[i] + 1 > limits[i] then
      retry = retryAfter(i)
    end
    local reset = 0
    if lows[i] ~= nil then reset = (lows[i] + buckets[i] + 1) * bucketMs[i] - now end
    out[#out + 1] = sums[i]
    out[#out + 1] = reset
    out[#out + 1] = retry
  end
end

for i = 1, n do
  if added[i] > 0 then
    -- A bucket's first request sets the expiry: past the end of every window it is in.
    if redis.call('HINCRBY', KEYS[i], current[i], added[i]) == added[i] then
      redis.call('PEXPIRE', KEYS[i], bucketMs[i] * (buckets[i] + 2))
    end
    redis.call('HINCRBY', KEYS[i], 's', added[i])
    if opened[i] then redis.call('HSET', KEYS[i], 'o', current[i]) end
  end
end
return out
`;
