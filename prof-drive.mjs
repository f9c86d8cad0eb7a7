import autocannon from "autocannon";
const [activityId, base] = process.argv.slice(2);
let n = 0;
const day0 = Date.UTC(2027, 5, 1, 12, 0);
const next = () => new Date(day0 + Math.floor(n / 28) * 86400000 + (n++ % 28) * 15 * 60000).toISOString();
const result = await autocannon({
  url: `${base}/api/appointments`, method: "POST", connections: 10, duration: 10,
  headers: { "x-tenant-slug": "bench", "content-type": "application/json" },
  requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify({ activityId, dateTime: next(), clientInfo: { name: "P", email: "p@example.com" } }) }) }],
});
console.log(result.requests.average, result.non2xx, result.latency.p50);
