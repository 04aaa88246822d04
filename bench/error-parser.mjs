// Time to read one pasted error, over the corpus, mutated corpus messages and 1 MB adversarial inputs.
// The goal (issue: foundation) is every input under 50 ms; this prints the slowest and the p99.
import { readFileSync } from 'node:fs';
import { importCore } from './_bundle-core.mjs';

const MB = 1024 * 1024;

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function inputs() {
  const corpus = readFileSync(new URL('../test/corpus/errors.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l).text);
  const random = rng(42);
  const pick = () => corpus[Math.floor(random() * corpus.length)];
  const out = corpus.map((text, i) => [`corpus C#${i + 1}`, text]);
  for (let i = 0; i < 300; i++) {
    const t = pick();
    const cut = t.slice(0, Math.floor(random() * t.length));
    const lines = t
      .split('\n')
      .sort(() => random() - 0.5)
      .join('\n');
    out.push(['cut', cut], ['doubled', t + t], ['shuffled lines', lines], ['spliced', cut + pick()]);
  }
  const repeat = (s) => s.repeat(Math.ceil(MB / s.length)).slice(0, MB);
  out.push(
    ['1 MB of corpus messages', repeat(corpus.join('\n'))],
    ['1 MB of one line', repeat(corpus[2].replace(/\n/g, ' '))],
    ['1 MB of "User: "', repeat('User: ')],
    ['1 MB of the anchor phrase', repeat('is not authorized to perform: ')],
    ['1 MB blob', `Encoded authorization failure message: ${repeat('A')}`],
    ['1 MB of "<"', repeat('<')],
    ['1 MB of "An error occurred ("', repeat('An error occurred (')],
    ['1 MB of code tokens', repeat('AccessDenied: ')],
    ['1 MB of escapes', repeat('\\n\\"')],
    // issue 12 defect 9: a long run of spaces before each anchor (`/\s+is\s+$/` retried from every space)
    ['64 x (2,040 spaces + anchor)', `${' '.repeat(2040)}not authorized to perform: x`.repeat(64)],
    ['1 MB of spaced anchors', repeat(`User: a is${' '.repeat(2040)}not authorized to perform: x `)],
    [
      '1 MB JSON array',
      JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ errorMessage: `m${i}`, code: 'X' }))),
    ],
    [
      '1 MB of random bytes',
      Array.from({ length: MB }, () => String.fromCharCode(Math.floor(random() * 256))).join(''),
    ],
  );
  return out;
}

export default async function run() {
  const { readError } = await importCore();
  const cases = inputs();
  for (const [, text] of cases.slice(0, 50)) {
    readError(text); // warm up
  }
  const times = [];
  let slowest = { ms: 0, name: '' };
  for (const [name, text] of cases) {
    const start = performance.now();
    readError(text);
    const ms = performance.now() - start;
    times.push(ms);
    if (ms > slowest.ms) {
      slowest = { ms, name };
    }
  }
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`inputs: ${cases.length} (corpus, mutated corpus, 1 MB adversarial)`);
  console.log(`median ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${slowest.ms.toFixed(2)} ms (${slowest.name})`);
  console.log(`goal: every input under 50 ms: ${slowest.ms < 50 ? 'met' : 'NOT met'}`);
}
