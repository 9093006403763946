/**
 * The sliding-window decision of sliding-window.ts in one atomic Redis script: every
 * window of the request (burst, minute, hour, the API's own) checked against Redis' own
 * clock and counted all-or-nothing. KEYS share the `{rl:<subject>}` hash tag (one cluster
 * slot). ARGV per key: limit, bucketMs, buckets. Returns allowed, then per key: used,
 * resetMs, retryMs.
 *
 * Each window is a hash of per-bucket counts plus two bookkeeping fields: `s`, the sum of
 * the live buckets, and `o`, the oldest live bucket. An admitted request therefore costs
 * O(1) per window (read s and o, two increments); buckets are only walked when one falls
 * out of the window (at most once per bucket) or when a refusal needs its Retry-After.
 * A hash without `s` (written by an earlier version) is rebuilt from its buckets once.
 * An extra last ARGV replaces Redis' clock (milliseconds); only the equivalence test
 * against sliding-window.ts passes it.
 */
export const RATE_LIMIT_SCRIPT = `
local unpack = unpack or table.unpack
local n = #KEYS
local now = tonumber(ARGV[n * 3 + 1])
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

local allowed = 1
local used, oldest, retry, current = {}, {}, {}, {}
for i = 1, n do
  local key = KEYS[i]
  local limit = tonumber(ARGV[(i - 1) * 3 + 1])
  local bucketMs = tonumber(ARGV[(i - 1) * 3 + 2])
  local buckets = tonumber(ARGV[(i - 1) * 3 + 3])
  local cur = math.floor(now / bucketMs)
  local first = cur - buckets
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
    sum, low = evict(key, sum, low, first, cur, buckets)
    changed = true
  end
  if changed then
    redis.call('HSET', key, 's', sum)
    if low == nil then redis.call('HDEL', key, 'o') else redis.call('HSET', key, 'o', low) end
  end
  used[i] = sum
  oldest[i] = low
  retry[i] = 0
  if sum + 1 > limit then
    allowed = 0
    retry[i] = (cur + 1) * bucketMs - now
    if low ~= nil then
      -- The wait until enough of the oldest requests have left the window.
      local need = sum + 1 - limit
      local ids = range(low, cur)
      local counts = redis.call('HMGET', key, unpack(ids))
      local freed = 0
      for j = 1, #ids do
        if counts[j] then
          freed = freed + tonumber(counts[j])
          if freed >= need then
            retry[i] = (ids[j] + buckets + 1) * bucketMs - now
            break
          end
        end
      end
    end
  end
end

local out = {allowed}
for i = 1, n do
  local bucketMs = tonumber(ARGV[(i - 1) * 3 + 2])
  local buckets = tonumber(ARGV[(i - 1) * 3 + 3])
  if allowed == 1 then
    -- A bucket's first request sets the expiry: past the end of every window it is in.
    if redis.call('HINCRBY', KEYS[i], current[i], 1) == 1 then redis.call('PEXPIRE', KEYS[i], bucketMs * (buckets + 2)) end
    redis.call('HINCRBY', KEYS[i], 's', 1)
    if oldest[i] == nil then
      oldest[i] = current[i]
      redis.call('HSET', KEYS[i], 'o', current[i])
    end
    used[i] = used[i] + 1
  end
  local reset = 0
  if oldest[i] ~= nil then reset = (oldest[i] + buckets + 1) * bucketMs - now end
  out[#out + 1] = used[i]
  out[#out + 1] = reset
  out[#out + 1] = retry[i]
end
return out
`;
