-- wrk script of bench/serve.sh: every request asks /api/network with another seed, so none is
-- answered from the server's cache and each computes the network and its blocs.
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/network?seed=" .. (n * 7919 % 1000000))
end
