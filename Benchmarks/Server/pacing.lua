-- What the load test's wrk scripts share (loaded by them with dofile): with BRICOLEUR_DELAY_MS
-- each connection waits that long after each answer, so connections * 1000 / delay gives a
-- fixed rate (wrk itself has no -R); and the summary scripts/load-test prints.
local pause = tonumber(os.getenv("BRICOLEUR_DELAY_MS") or "")
if pause then
  function delay() return pause end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d (status %d, timeout %d)\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
