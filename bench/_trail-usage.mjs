// Preloaded into the measured CLI process (`node --import`) by bench/trail.mjs: on exit, writes the
// process's peak RSS (KiB) and CPU seconds (user + system, every thread, workers included) to the file
// named by WHYDENIED_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.WHYDENIED_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssKiB: usage.maxRSS,
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      }),
    );
  });
}
