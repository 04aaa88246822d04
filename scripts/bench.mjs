// `npm run bench` (after `npm run build`): runs every benchmark and prints its numbers.
// Each benchmark lives in bench/<name>.mjs and is registered here.
import { runEngineBench } from '../bench/engine.mjs';

const BENCHES = [
  {
    name: 'engine: simulate batch (100,000 requests, 50 policies / 500 statements, 3 SCP levels, boundary)',
    run: () => {
      const r = runEngineBench();
      return [
        `requests: ${r.requests} in ${r.seconds.toFixed(2)} s (wall, including process start and parsing)`,
        `decisions/second: ${Math.round(r.decisionsPerSecond).toLocaleString('en-US')}`,
        `peak RSS: ${r.peakRssMiB.toFixed(1)} MiB`,
        `decisions: ${JSON.stringify(r.decisions)}`,
      ];
    },
  },
];

for (const bench of BENCHES) {
  process.stdout.write(`${bench.name}\n`);
  for (const line of bench.run()) process.stdout.write(`  ${line}\n`);
}
