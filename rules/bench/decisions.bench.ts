// `npm run bench`: throughput and latency of the decisions every request goes through.
// Targets: an estimate or eligibility check well under 1 ms at p99, and no heap growth across runs.
import { estimate, eligibility, objectionDeadline } from '../src';

interface Result {
  name: string;
  ops: number;
  p50Us: number;
  p99Us: number;
}

function bench(name: string, n: number, fn: (i: number) => unknown): Result {
  for (let i = 0; i < 1000; i++) fn(i); // warm up the JIT
  const times = new Float64Array(n);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  times.sort();
  return {
    name,
    ops: Math.round(n / (totalMs / 1000)),
    p50Us: times[Math.floor(n * 0.5)],
    p99Us: times[Math.floor(n * 0.99)],
  };
}

const modes = ['home', 'institution', 'family'] as const;
const grades = ['severe-1', 'severe-2', 'severe-3'] as const;
const heapBefore = process.memoryUsage().heapUsed;
const results = [
  bench('estimate wenzhou', 50000, (i) =>
    estimate({
      region: 'wenzhou',
      insurance: 'employee',
      careMode: modes[i % 3],
      grade: grades[i % 3],
      monthlyBillFen: 100000 + i,
      month: '2024-05',
      daysCovered: 1 + (i % 31),
    }),
  ),
  bench('estimate jining', 50000, (i) =>
    estimate({
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'medical-special',
      hospitalTier: 1 + (i % 3),
      monthlyBillFen: i,
      month: '2024-05',
    }),
  ),
  bench('eligibility', 50000, (i) =>
    eligibility({
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'resident',
      grade: grades[i % 3],
      disabilityMonths: i % 12,
      asOf: '2024-05-20',
    }),
  ),
  bench('objectionDeadline', 20000, (i) =>
    objectionDeadline(`2024-${String(1 + (i % 12)).padStart(2, '0')}-10`, 'wenzhou'),
  ),
];
global.gc?.();
const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
for (const r of results)
  console.log(
    `${r.name.padEnd(20)} ${String(r.ops).padStart(8)} ops/s  p50 ${r.p50Us.toFixed(1)} µs  p99 ${r.p99Us.toFixed(1)} µs`,
  );
console.log(`heap growth ${heapGrowthMb.toFixed(1)} MB`);
const slow = results.filter((r) => r.p99Us > 1000);
if (slow.length > 0) {
  console.error(`over the 1 ms p99 target: ${slow.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
