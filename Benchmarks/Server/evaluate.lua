-- wrk script: POST an example initiative to /api/v1/evaluate and report p50/p99 latency.
-- Run by scripts/load-test.
local file = io.open(os.getenv("BRICOLEUR_EXAMPLE") or "Examples/borne/buurtbarbecue-esch.yaml", "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"

-- With BRICOLEUR_DELAY_MS each connection waits that long between requests, so
-- connections * 1000 / delay gives a fixed rate (wrk itself has no -R).
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
