// Run by bench/trail.mjs as a process of its own: the plain parse-every-record loop (gunzip then
// JSON.parse of each whole file) over the files named on standard input, one per line; prints the
// records it counted. Two of these, each held to one core, over the two halves of an archive are the
// machine's own scaling of independent work to both cores: what the trail's workers are judged against.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

let records = 0;
for (const file of readFileSync(0, 'utf8').split('\n')) {
  if (file !== '') records += JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')).Records.length;
}
console.log(records);
