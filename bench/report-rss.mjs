// Preloaded into the measured CLI process (`node --import`): on exit, writes the process's peak
// resident set size (KiB, from getrusage) to the file named by WHYDENIED_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.WHYDENIED_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
