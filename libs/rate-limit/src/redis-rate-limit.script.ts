/**
 * The sliding-window decision of sliding-window.ts in one atomic Redis script, for the
 * concurrent checks of many subjects at once, against Redis' own clock.
 *
 * Each subject (a key id, or `ip:<addr>`) keeps every window it is limited by in ONE string
 * key, `{rl:<subject>}`: a MessagePack array of, per window, its id, bucketMs, buckets,
 * the number of live buckets and then (bucket, count) pairs, oldest first. A call reads each
 * subject once (GET), decides its requests in Lua and writes it back once (SET … PX, expiring
 * when its newest bucket leaves every window): two Redis commands per subject per call,
 * however many windows and requests.
 *
 * KEYS: the subjects' keys, each once (in a cluster the caller sends only keys of one slot).
 * ARGV: the number of policies; per policy, its number of windows and per window
 * id, limit, bucketMs, buckets; then the number of entries and per entry
 * (key index, policy index, requests). Each entry's requests are decided in order, each
 * exactly as if it were a call of its own. An extra last ARGV replaces Redis' clock
 * (milliseconds); only the equivalence test against sliding-window.ts passes it.
 * Returns, per request of every entry in order: allowed, then per window of its policy
 * used, resetMs, retryMs.
 */
export const RATE_LIMIT_SCRIPT = `
local floor = math.floor
local cursor = 1
local function arg()
  local value = ARGV[cursor]
  cursor = cursor + 1
  return value
end

local policies = {}
for p = 1, tonumber(arg()) do
  local specs = {}
  for w = 1, tonumber(arg()) do
    specs[w] = { id = arg(), limit = tonumber(arg()), bucketMs = tonumber(arg()), buckets = tonumber(arg()) }
  end
  policies[p] = specs
end
local entries = tonumber(arg())
local firstEntry = cursor
local now = tonumber(ARGV[cursor + entries * 3])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + floor(tonumber(t[2]) / 1000)
end

local function emptyWindow(bucketMs, buckets)
  return { bucketMs = bucketMs, buckets = buckets, ids = {}, counts = {}, sum = 0 }
end

-- A subject's windows as stored, their buckets that have left the window dropped.
local states = {}
local function stateOf(k)
  local state = states[k]
  if state ~= nil then return state end
  state = { byId = {}, order = {}, dirty = false }
  states[k] = state
  local stored = redis.call('GET', KEYS[k])
  if stored then
    local ok, flat = pcall(cmsgpack.unpack, stored)
    if not ok or type(flat) ~= 'table' then flat = {} end
    local j = 1
    while j + 3 <= #flat do
      local id, bucketMs, buckets, live = flat[j], flat[j + 1], flat[j + 2], flat[j + 3]
      j = j + 4
      local first = floor(now / bucketMs) - buckets
      local window = emptyWindow(bucketMs, buckets)
      for _ = 1, live do
        local bucket, count = flat[j], flat[j + 1]
        j = j + 2
        if bucket >= first then
          local n = #window.ids + 1
          window.ids[n], window.counts[n] = bucket, count
          window.sum = window.sum + count
        end
      end
      state.byId[id] = window
      state.order[#state.order + 1] = id
    end
  end
  return state
end

local function windowOf(state, spec)
  local stored = state.byId[spec.id]
  if stored ~= nil and stored.bucketMs == spec.bucketMs and stored.buckets == spec.buckets then return stored end
  local window = emptyWindow(spec.bucketMs, spec.buckets)
  if stored == nil then
    state.order[#state.order + 1] = spec.id
  elseif stored.sum > 0 then
    -- stored with other buckets: its requests are kept, all in the current bucket (an upper bound)
    window.ids[1], window.counts[1], window.sum = floor(now / spec.bucketMs), stored.sum, stored.sum
  end
  state.byId[spec.id] = window
  return window
end

-- The wait until enough of the oldest requests have left the window for one more.
local function retryAfter(window, limit)
  local need = window.sum + 1 - limit
  local freed = 0
  for j = 1, #window.ids do
    freed = freed + window.counts[j]
    if freed >= need then return (window.ids[j] + window.buckets + 1) * window.bucketMs - now end
  end
  -- only a limit below 1 (the API never sets one) gets here: the next bucket
  return (floor(now / window.bucketMs) + 1) * window.bucketMs - now
end

local out = {}
for e = 0, entries - 1 do
  local at = firstEntry + e * 3
  local state = stateOf(tonumber(ARGV[at]))
  local specs = policies[tonumber(ARGV[at + 1])]
  local windows = {}
  for i = 1, #specs do windows[i] = windowOf(state, specs[i]) end
  for _ = 1, tonumber(ARGV[at + 2]) do
    -- admitted only if every window has room, and then counted in every window
    local allowed = 1
    for i = 1, #specs do
      if windows[i].sum + 1 > specs[i].limit then allowed = 0 end
    end
    out[#out + 1] = allowed
    if allowed == 1 then state.dirty = true end
    for i = 1, #specs do
      local window = windows[i]
      local retry = 0
      if allowed == 1 then
        local current = floor(now / window.bucketMs)
        local n = #window.ids
        -- a clock behind the newest bucket (a failover to a Redis whose clock lags) counts
        -- there: buckets stay in order and the key's expiry follows the newest
        if n > 0 and window.ids[n] >= current then
          window.counts[n] = window.counts[n] + 1
        else
          window.ids[n + 1], window.counts[n + 1] = current, 1
        end
        window.sum = window.sum + 1
      elseif window.sum + 1 > specs[i].limit then
        retry = retryAfter(window, specs[i].limit)
      end
      local reset = 0
      if #window.ids > 0 then reset = (window.ids[1] + window.buckets + 1) * window.bucketMs - now end
      out[#out + 1] = window.sum
      out[#out + 1] = reset
      out[#out + 1] = retry
    end
  end
end

for k = 1, #KEYS do
  local state = states[k]
  if state ~= nil and state.dirty then
    local flat, expiresAt = {}, now + 1
    for _, id in ipairs(state.order) do
      local window = state.byId[id]
      local live = #window.ids
      if live > 0 then
        flat[#flat + 1] = id
        flat[#flat + 1] = window.bucketMs
        flat[#flat + 1] = window.buckets
        flat[#flat + 1] = live
        for j = 1, live do
          flat[#flat + 1] = window.ids[j]
          flat[#flat + 1] = window.counts[j]
        end
        local ends = (window.ids[live] + window.buckets + 1) * window.bucketMs
        if ends > expiresAt then expiresAt = ends end
      end
    end
    redis.call('SET', KEYS[k], cmsgpack.pack(flat), 'PX', expiresAt - now)
  end
end
return out
`;
