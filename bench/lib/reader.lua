-- wrk script for bench/load.sh: a reader who waits THINK_MS (± half) between pages, and counts the
-- answers by class so the shell can tell 5xx from 4xx. Latency percentiles come from wrk itself.
local think = tonumber(os.getenv("THINK_MS") or "1000")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = { s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

function delay()
  return math.floor(think * (0.5 + math.random()))
end

function response(status, headers, body)
  local class = "s" .. math.floor(status / 100)
  counts[class] = (counts[class] or 0) + 1
end

function done(summary, latency, requests)
  local total = { s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  io.write(string.format(
    '{"requests":%d,"errors":%d,"s2xx":%d,"s3xx":%d,"s4xx":%d,"s5xx":%d,"p50":%.1f,"p95":%.1f,"p99":%.1f,"max":%.1f}\n',
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    total.s2, total.s3, total.s4, total.s5,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
