// The load generator, run as its own process so that it does not share the gateway's event
// loop: autocannon against one GraphQL request, every response's latency recorded (autocannon's
// own percentiles skip p95). Prints one JSON line: { requests, rps, errors, p50, p95, p99 }.
import autocannon from 'autocannon';

const [url, body, cookie, seconds, connections] = process.argv.slice(2);
const latencies: number[] = [];
let errors = 0;

const instance = autocannon(
  {
    url: url!,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie! },
    body: body!,
    connections: Number(connections ?? 8),
    duration: Number(seconds ?? 10),
  },
  (err, result) => {
    if (err) throw err;
    report(result);
  },
);
instance.on('response', (_client, statusCode, _bytes, ms) => {
  latencies.push(ms);
  if (statusCode !== 200) errors++;
});

function report(result: autocannon.Result): void {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const out = {
    requests: latencies.length,
    rps: latencies.length / (result.duration || Number(seconds)),
    errors: errors + result.errors + result.timeouts,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
  console.log(JSON.stringify(out));
}
