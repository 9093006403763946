/**
 * The sliding-window decision of sliding-window.ts in one atomic Redis script: every
 * window of the request (burst, minute, hour, the API's own) checked against Redis' own
 * clock and counted all-or-nothing. KEYS share the `{rl:<subject>}` hash tag (one cluster
 * slot). ARGV per key: limit, bucketMs, buckets. Returns allowed, then per key: used,
 * resetMs, retryMs.
 */
export const RATE_LIMIT_SCRIPT = `
local unpack = unpack or table.unpack
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = #KEYS
local allowed = 1
local used, oldest, retry, current = {}, {}, {}, {}
for i = 1, n do
  local limit = tonumber(ARGV[(i - 1) * 3 + 1])
  local bucketMs = tonumber(ARGV[(i - 1) * 3 + 2])
  local buckets = tonumber(ARGV[(i - 1) * 3 + 3])
  local cur = math.floor(now / bucketMs)
  local first = cur - buckets
  current[i] = cur
  local fields = redis.call('HGETALL', KEYS[i])
  local counts, order, stale, sum = {}, {}, {}, 0
  for j = 1, #fields, 2 do
    local bucket = tonumber(fields[j])
    local count = tonumber(fields[j + 1])
    if bucket < first then
      stale[#stale + 1] = fields[j]
    else
      counts[bucket] = count
      order[#order + 1] = bucket
      sum = sum + count
    end
  end
  if #stale > 0 then redis.call('HDEL', KEYS[i], unpack(stale)) end
  table.sort(order)
  used[i] = sum
  oldest[i] = order[1]
  retry[i] = 0
  if sum + 1 > limit then
    allowed = 0
    local need = sum + 1 - limit
    local freed = 0
    retry[i] = (cur + 1) * bucketMs - now
    for _, bucket in ipairs(order) do
      freed = freed + counts[bucket]
      if freed >= need then
        retry[i] = (bucket + buckets + 1) * bucketMs - now
        break
      end
    end
  end
end
local out = {allowed}
for i = 1, n do
  local bucketMs = tonumber(ARGV[(i - 1) * 3 + 2])
  local buckets = tonumber(ARGV[(i - 1) * 3 + 3])
  if allowed == 1 then
    redis.call('HINCRBY', KEYS[i], current[i], 1)
    redis.call('PEXPIRE', KEYS[i], bucketMs * (buckets + 2))
    used[i] = used[i] + 1
    if oldest[i] == nil then oldest[i] = current[i] end
  end
  local reset = 0
  if oldest[i] ~= nil then reset = (oldest[i] + buckets + 1) * bucketMs - now end
  out[#out + 1] = used[i]
  out[#out + 1] = reset
  out[#out + 1] = retry[i]
end
return out
`;
