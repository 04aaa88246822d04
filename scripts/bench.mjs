// `npm run bench` (after `npm run build`): runs every benchmark and prints its numbers.
// Each benchmark lives in bench/<name>.mjs and is registered here. `npm run bench -- engine` runs one.
import runAccessBench from '../bench/access.mjs';
import runCompareBench from '../bench/compare.mjs';
import { runEngineBench, runEngineInProcess, runOneLineBench } from '../bench/engine.mjs';
import runErrorParserBench from '../bench/error-parser.mjs';
import runHostileBench from '../bench/hostile.mjs';
import runLiveBench from '../bench/live.mjs';
import runRedactBench from '../bench/redact.mjs';
import runTrailBench from '../bench/trail.mjs';
import runTrailS3Bench from '../bench/trail-s3.mjs';
import runWebBench from '../bench/web.mjs';

const RUNS = 5;

const BENCHES = [
  {
    id: 'error-parser',
    name: 'error reader: one pasted error, corpus + mutated corpus + 1 MB adversarial inputs',
    run: runErrorParserBench,
  },
  {
    id: 'engine',
    name: `engine: simulate batch through the CLI (100,000 requests, 50 policies / 500 statements, 3 SCP levels, boundary), ${RUNS} runs`,
    run: async () => {
      const runs = Array.from({ length: RUNS }, () => runEngineBench());
      const bySeconds = [...runs].sort((a, b) => a.seconds - b.seconds);
      const median = bySeconds[Math.floor(RUNS / 2)];
      const rss = runs.map((r) => r.peakRssMiB).sort((a, b) => a - b);
      console.log(`requests: ${median.requests} per run (wall time includes process start and parsing)`);
      console.log(`seconds: ${bySeconds.map((r) => r.seconds.toFixed(2)).join(', ')}`);
      const cpu = runs.map((r) => r.cpuSeconds).sort((a, b) => a - b);
      console.log(
        `CPU seconds: ${cpu.map((c) => c.toFixed(2)).join(', ')} (median ${Math.round(median.requests / cpu[Math.floor(RUNS / 2)]).toLocaleString('en-US')} decisions per CPU-second)`,
      );
      console.log(
        `decisions/second: median ${Math.round(median.decisionsPerSecond).toLocaleString('en-US')}, best ${Math.round(bySeconds[0].decisionsPerSecond).toLocaleString('en-US')}`,
      );
      console.log(
        `peak RSS: ${rss.map((m) => m.toFixed(0)).join(', ')} MiB (max ${rss[rss.length - 1].toFixed(1)})`,
      );
      console.log(`decisions: ${JSON.stringify(median.decisions)}`);
    },
  },
  {
    id: 'engine-one-line',
    name: `engine: simulate through the CLI on one case of 100,000 requests on one line (~42 MB), full and --fields decision,layer, ${RUNS} runs each`,
    run: () => runOneLineBench({ runs: RUNS }),
  },
  {
    id: 'engine-uncached',
    name: 'engine: in-process evaluation with every request distinct (no repeated-request reuse), 2 warm-up and 5 timed rounds of 10,000 requests, medians',
    run: async () => {
      const r = await runEngineInProcess();
      const show = (n) => Math.round(n).toLocaleString('en-US');
      console.log(
        `lean (no trace): ${show(r.lean.wall)} decisions/second (${show(r.lean.cpu)} per CPU-second; first, cold round ${show(r.lean.coldCpu)} per CPU-second)`,
      );
      console.log(
        `traced (relevant statements): ${show(r.traced.wall)} decisions/second (${show(r.traced.cpu)} per CPU-second)`,
      );
    },
  },
  {
    id: 'compare',
    name: 'compare: two 100-statement identity policies a dozen edits apart; then with an Allow NotAction (every catalog action)',
    run: runCompareBench,
  },
  {
    id: 'redact',
    name: 'redact and restore: a generated CloudTrail file (assumed-role callers, keys, IPs, S3 and EC2 requests, denials) of 0.5, 5 and 50 MB',
    run: () => runRedactBench(),
  },
  {
    id: 'hostile',
    name: 'hostile inputs (issue 12): each at 1x, 10x and 100x its size, with the ratio of each step (near-linear: about x10)',
    run: runHostileBench,
  },
  {
    id: 'live',
    name: 'live mode: diagnose --live of seed scenarios against the loopback AWS of the tests (real SDK clients), 3 runs each',
    run: runLiveBench,
  },
  {
    id: 'trail',
    name: 'trail: ~1 GB raw CloudTrail JSON in the S3 layout with 1 worker on one core, 1 and 2 workers, beside zcat and a parse-every-record loop; then one 1 GB Records object; the scaling to both cores',
    run: runTrailBench,
  },
  {
    id: 'trail-s3',
    name: 'trail s3://bucket/: ~200 MB raw JSON (gzip) in the S3 layout, in large and in small objects, from the loopback AWS of the tests with 0 and 30 ms per call, beside trail DIR',
    run: runTrailS3Bench,
  },
  {
    id: 'access',
    name: `access queries: who-can for one action and what-can for one role over 1,000 roles, 5,000 managed policies, 3 SCP levels (goal: each under 2 s), ${RUNS} runs each`,
    run: () => runAccessBench({ runs: RUNS }),
  },
  {
    id: 'web',
    name: `web page in Chromium: initial load (gzipped bytes) and time to first diagnosis, cold, 5 runs`,
    run: runWebBench,
  },
];

const only = process.argv.slice(2);
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.id)) continue;
  console.log(`\n== ${bench.name}`);
  await bench.run();
}
