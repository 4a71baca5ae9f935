-- wrk script: POST an example initiative to /api/v1/evaluate and report p50/p99 latency.
-- Run by scripts/load-test, from the repository root.
local file = io.open(os.getenv("BRICOLEUR_EXAMPLE") or "Examples/borne/buurtbarbecue-esch.yaml", "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"
dofile("Benchmarks/Server/pacing.lua")
