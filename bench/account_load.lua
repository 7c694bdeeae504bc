-- wrk script: GET /api/v1/accounts/{number}/<BENCH_ROUTE> over many different accounts, so the
-- load is not one hot row. Account numbers are the generator's: sequence 10000001.. plus a Luhn
-- digit. BENCH_ROUTE defaults to "summary"; e.g. "usage?from=2024-11-01&to=2026-11-01".
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS") or "100000")
local route = os.getenv("BENCH_ROUTE") or "summary"
local token = os.getenv("BENCH_STAFF_TOKEN")

local function luhn_check_digit(digits)
  local sum = 0
  local double = true
  for i = #digits, 1, -1 do
    local d = tonumber(digits:sub(i, i))
    if double then
      d = d * 2
      if d > 9 then d = d - 9 end
    end
    sum = sum + d
    double = not double
  end
  return tostring((10 - sum % 10) % 10)
end

local counter = 0
request = function()
  counter = counter + 1
  local sequence = tostring(10000001 + (counter * 7919) % accounts)
  local path = "/api/v1/accounts/" .. sequence .. luhn_check_digit(sequence) .. "/" .. route
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end

local non_200 = 0
response = function(status)
  if status ~= 200 then non_200 = non_200 + 1 end
end

done = function(summary, latency, requests)
  io.stderr:write(string.format(
      "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
      summary.errors.timeout))
end
