-- wrk script: GET a URL (the load test's /healthz) and report p50/p99 latency, paced like
-- evaluate.lua. Run by scripts/load-test, from the repository root.
dofile("Benchmarks/Server/pacing.lua")
