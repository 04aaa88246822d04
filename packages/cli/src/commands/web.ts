import { EXIT_OK, inputError, usageError } from '../cli-error.js';
import { findWebDist, isLoopback, startStaticServer } from '../web-server.js';
import type { CommandSpec } from './command.js';

interface WebOptions {
  readonly port: string;
  readonly host: string;
}

/** Parses `--port`: 0 (any free port) to 65535. */
function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65_535) {
    throw usageError(`--port takes a number from 0 to 65535, got \`${text}\``);
  }
  return port;
}

/**
 * `whydenied web [--port N] [--host ADDRESS]`: serves the built web page (`packages/web/dist`) on
 * localhost, prints its address, and runs until interrupted (Ctrl-C). The page runs entirely in the
 * browser; the server only hands out its files.
 */
export const webCommand: CommandSpec = {
  name: 'web',
  summary: 'serve the web page on localhost and print its address',
  configure(command) {
    command
      .usage('[--port N] [--host ADDRESS]')
      .option('--port <n>', 'the port (0: any free port)', '8765')
      .option('--host <address>', 'the address to listen on', '127.0.0.1');
  },
  async run({ io, command }) {
    const options = command.opts<WebOptions>();
    const port = parsePort(options.port);
    const root = findWebDist();
    if (root === null) {
      throw inputError(
        'the web page is not built: run `npm install` (or `npm run build`) at the repository root',
      );
    }
    let served: Awaited<ReturnType<typeof startStaticServer>>;
    try {
      served = await startStaticServer(root, options.host, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw inputError(`cannot listen on ${options.host}:${port} (${code})`);
    }
    io.stdout.write(`${served.url}\n`);
    if (!isLoopback(options.host)) {
      io.stderr.write(
        `whydenied: warning: listening on ${options.host}, reachable from other machines; requests are served only when they name ${new URL(served.url).host} or localhost\n`,
      );
    }
    io.stderr.write(`whydenied: serving the web page from ${root}; press Ctrl-C to stop\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await served.close();
    return EXIT_OK;
  },
};
