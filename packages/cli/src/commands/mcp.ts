import { inputError } from '../cli-error.js';
import type { CommandSpec } from './command.js';

/**
 * `whydenied mcp`: a Model Context Protocol server over standard input and output exposing diagnose,
 * explain, simulate, lint, compare and redact as tools; it runs until the client closes the stream.
 * The server and the SDK are their own bundle (dist/mcp-server.js), loaded only here.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#stdio
 */
export const mcpCommand: CommandSpec = {
  name: 'mcp',
  summary: 'the commands as Model Context Protocol tools over standard input and output',
  configure(command) {
    command.usage('(speaks MCP on standard input and output; configure it as a stdio server)');
  },
  async run({ io }) {
    const entry = new URL('./mcp-server.js', import.meta.url);
    let server: { serveMcp(env: Readonly<Record<string, string | undefined>>): Promise<void> };
    try {
      server = (await import(entry.href)) as typeof server;
    } catch (error) {
      throw inputError(
        `the MCP server is not built (${(error as Error).message.split('\n')[0]}); run \`npm run build\``,
      );
    }
    await server.serveMcp(io.env);
    return 0;
  },
};
