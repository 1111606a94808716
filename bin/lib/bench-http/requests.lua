-- wrk script of bin/bench-http: every request is the next line of a requests file, each line a user's request
-- with its own token, "path<TAB>bearer token[<TAB>ETag]" (the ETag is sent as If-None-Match).
--
--   wrk -t2 -c64 -d10s -s requests.lua http://127.0.0.1:PORT -- FILE cycle|once THREADS
--
-- Thread k of THREADS takes lines k+1, k+1+THREADS, ...; "cycle" starts its lines again when they run out,
-- "once" sends each line at most once: the first thread to run out ends the run (SIGINT to wrk, which then
-- reports as after Ctrl-C, over the time it really ran), so no user is asked twice and a cold cache stays cold.
-- BENCH_HTTP_STATUSES=1 counts every status in Lua (response() makes wrk hand each answer to Lua, which costs
-- the generator CPU, so only the conditional run does it); otherwise wrk itself counts answers >= 400.
-- done() prints one line starting "bench-http:" with key=value pairs that bin/bench-http reads.
local ffi = require("ffi")
ffi.cdef [[
  int getpid(void);
  int kill(int pid, int sig);
]]

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local requests, next_index, once, stopped = {}, 0, false, false

function init(args)
  local file, mode, count = args[1], args[2], tonumber(args[3])
  once = mode == "once"
  local line_number = 0
  for line in io.lines(file) do
    if line_number % count == id then
      local path, token, etag = line:match("^([^\t]+)\t([^\t]+)\t?([^\t]*)$")
      local headers = { ["Authorization"] = "Bearer " .. token }
      if etag ~= "" then headers["If-None-Match"] = etag end
      table.insert(requests, wrk.format("GET", path, headers))
    end
    line_number = line_number + 1
  end
  assert(#requests > 0, "bench-http: no requests for thread " .. id .. " in " .. file)
  statuses = {}
end

function request()
  next_index = next_index + 1
  if next_index > #requests then
    if once then
      if not stopped then
        stopped = true
        ffi.C.kill(ffi.C.getpid(), 2) -- SIGINT: wrk stops every thread within its 100 ms tick and reports
        wrk.thread:stop()
      end
      return requests[#requests]
    end
    next_index = 1
  end
  return requests[next_index]
end

if os.getenv("BENCH_HTTP_STATUSES") == "1" then
  function response(status)
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency)
  local counted, non_2xx, not_modified = false, 0, 0
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    if seen then
      for status, n in pairs(seen) do
        counted = true
        if status == 304 then not_modified = not_modified + n
        elseif status < 200 or status > 299 then non_2xx = non_2xx + n end
      end
    end
  end
  if not counted then non_2xx = summary.errors.status end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "bench-http: requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non_2xx=%d not_modified=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, non_2xx, not_modified))
end
