-- wrk script: GETs the directory page with a different search each time (a region and audience, a page,
-- or a postal code with a radius), so most requests miss the directory's view cache.
local regions = {"Bretagne", "Normandie", "Grand%20Est", "Occitanie", "Hauts-de-France", "Nouvelle-Aquitaine",
  "%C3%8Ele-de-France", "Auvergne-Rh%C3%B4ne-Alpes", "Pays%20de%20la%20Loire", "Corse"}
local audiences = {"school", "public", "franceTravail"}
-- postal codes the shared communes file resolves (it has Toulouse at 31300, Strasbourg 67200, Rennes 35200)
local near = {"75001", "69001", "13001", "31300", "33000", "59000", "44000", "67200", "35200", "21000"}

function init(args)
  math.randomseed(os.time() * 1000 + math.random(1000))
end

function request()
  local kind = math.random(3)
  local path
  if kind == 1 then
    path = string.format("/usines?region=%s&audience=%s&page=%d", regions[math.random(#regions)],
      audiences[math.random(#audiences)], math.random(5))
  elseif kind == 2 then
    path = string.format("/usines?near=%s&km=%d", near[math.random(#near)], 10 + math.random(190))
  else
    path = string.format("/usines?q=usine&region=%s&placesLeft=any&page=%d", regions[math.random(#regions)],
      math.random(20))
  end
  return wrk.format("GET", path)
end
