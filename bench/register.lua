-- wrk script: POSTs public registrations to the slots listed in $SLOTS (comma-separated ids), one person
-- each with a unique e-mail, and counts confirmed / waitlisted / other answers (refusals, repeats) across threads.
local slots = {}
for id in string.gmatch(os.getenv("SLOTS") or "", "[^,]+") do
  table.insert(slots, id)
end
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- Two wrk processes started in the same second (one per cluster node) would draw the same e-mails and
-- send duplicate submissions, answered 200 as repeats: $CLIENT (e.g. the node's port) tells them apart.
local client = os.getenv("CLIENT") or "0"

function init(args)
  confirmed, waitlisted, other = 0, 0, 0
  math.randomseed(os.time() * 1000 + tid + (tonumber(client) or 0) * 7919)
end

function request()
  counter = counter + 1
  local slot = slots[math.random(#slots)]
  local body = string.format('{"slot":"%s","audience":"public","persons":1,"name":"Visiteur Test",'
      .. '"email":"bench-%s-%d-%d-%d@example.org","consent":true}', slot, client, tid, counter, math.random(1000000000))
  return wrk.format("POST", "/.rest/registrations/v1", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 and string.find(body, '"confirmed"', 1, true) then
    confirmed = confirmed + 1
  elseif status == 201 then
    waitlisted = waitlisted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, w, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("confirmed")
    w = w + t:get("waitlisted")
    o = o + t:get("other")
  end
  io.write(string.format("COUNTS confirmed=%d waitlisted=%d other=%d\n", c, w, o))
end
