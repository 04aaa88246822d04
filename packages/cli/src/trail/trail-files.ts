import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../cli-error.js';

/** One input of `trail`: a file (or `-`, standard input) and its size on disk. */
export interface TrailSource {
  readonly path: string;
  readonly size: number;
  /**
   * Opens a source that is no file (an S3 object, `path` its `s3://` name) as a stream of bytes; such
   * sources are read in the main thread, like standard input.
   */
  readonly open?: () => Promise<AsyncIterable<Uint8Array>>;
}

/**
 * The log files under the given paths: a file as it is, a folder recursively (hidden entries and
 * CloudTrail's digest files left out: `AWSLogs/<account>/CloudTrail-Digest/` holds no events), in a
 * stable order. A path that does not exist is a one-line error.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export async function listTrailSources(paths: readonly string[]): Promise<TrailSource[]> {
  const sources: TrailSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      sources.push({ path, size: 0 });
      continue;
    }
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw inputError(`${path}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
    });
    if (info.isDirectory()) await walk(path, sources);
    else sources.push({ path, size: info.size });
  }
  return sources;
}

async function walk(folder: string, into: TrailSource[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'CloudTrail-Digest') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile() && LOG_FILE.test(entry.name)) into.push({ path, size: (await stat(path)).size });
  }
}

/** What CloudTrail delivers (`.json.gz`) and what people keep (`.json`, `.jsonl`, `.ndjson`, gzip or not). */
const LOG_FILE = /\.(?:json|jsonl|ndjson)(?:\.gz)?$|\.gz$/i;
