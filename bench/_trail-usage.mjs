// Preloaded into the measured CLI process (`node --import`) by bench/trail.mjs: on exit, writes the
// process's peak RSS (KiB) and CPU seconds (user + system, every thread, workers included) to the file
// named by WHYDENIED_BENCH_USAGE_FILE, and where they went: the main thread, each worker thread, and
// the rest (libuv's thread pool, where the main thread's gunzip runs, and V8's helper threads, which
// collect garbage beside every isolate). Threads are told apart from Linux's /proc/self/task, read
// every 50 ms (a thread's CPU is its last reading): those started after the first Worker is created
// are the workers. Elsewhere than Linux only the totals are written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

const target = process.env.WHYDENIED_BENCH_USAGE_FILE;
const TICKS = 100; // USER_HZ, the unit of /proc's utime and stime

/** CPU seconds of each thread of this process, by thread id; empty where /proc is not. */
function threadSeconds() {
  const seconds = new Map();
  let tasks = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return seconds;
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return seconds;
}

if (target) {
  const last = new Map();
  let before = null; // the threads there were before the first worker
  const sample = () => {
    for (const [tid, s] of threadSeconds()) last.set(tid, s);
  };
  setInterval(sample, 50).unref();
  const Base = workerThreads.Worker;
  workerThreads.Worker = class extends Base {
    constructor(...args) {
      if (before === null) before = new Set(threadSeconds().keys());
      super(...args);
    }
  };
  syncBuiltinESMExports();
  process.on('exit', () => {
    sample();
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    const main = last.get(process.pid) ?? null;
    const workers = [...last].filter(([tid]) => before !== null && !before.has(tid)).map(([, s]) => s);
    writeFileSync(
      target,
      JSON.stringify({
        maxRssKiB: usage.maxRSS,
        cpuSeconds,
        threads:
          main === null
            ? null
            : {
                main,
                workers,
                rest: cpuSeconds - main - workers.reduce((a, b) => a + b, 0),
              },
      }),
    );
  });
}
