// Preloaded into the measured CLI process (`node --import`): on exit, writes the process's peak
// resident set size (KiB, from getrusage) and its CPU seconds (user + system) to the file named by
// WHYDENIED_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.WHYDENIED_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuSeconds }));
  });
}
