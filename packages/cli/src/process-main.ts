import { run } from './main.js';

/** What the process entry needs of `process`: its streams, arguments, environment and exit. */
interface NodeProcess {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  exitCode?: number | string | null | undefined;
  exit(code?: number): never;
}

/**
 * Runs the CLI as the process: the arguments after the script, the real streams, and the exit code.
 * A reader that goes away (`whydenied … | head -1`: EPIPE) ends the run quietly with the exit code
 * it had; any other failure to write the answer (`> /dev/full`: ENOSPC) is one line on standard
 * error and exit 1, never a stack trace.
 */
export async function runProcess(proc: NodeProcess): Promise<void> {
  let ended = false;
  proc.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (ended) return;
    ended = true;
    if (error.code === 'EPIPE') proc.exit(Number(proc.exitCode ?? 0));
    try {
      proc.stderr.write(`whydenied: cannot write the output: ${describeWriteError(error)}\n`);
    } finally {
      proc.exit(1);
    }
  });
  // standard error closed too (`2>&-` or a closed pipe): nothing left to tell anyone
  proc.stderr.on('error', () => proc.exit(Number(proc.exitCode ?? 1)));
  proc.exitCode = await run(proc.argv.slice(2), {
    stdin: proc.stdin,
    stdout: proc.stdout,
    stderr: proc.stderr,
    env: proc.env,
  });
}

function describeWriteError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EIO':
      return 'input/output error';
    default:
      return error.code ?? error.message;
  }
}
