-- wrk script: GET a URL (the load test's /healthz) and report p50/p99 latency, paced like
-- evaluate.lua. Run by scripts/load-test.
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
