-- a stand-in for the gateway's token-bucket script: RedisScriptSha1Benchmark reads it from bench.jar
local tokens = tonumber(redis.call('get', KEYS[1])) or tonumber(ARGV[1])
if tokens < 1 then
  return {0, tokens}
end
redis.call('set', KEYS[1], tokens - 1, 'ex', ARGV[2])
return {1, tokens - 1}
