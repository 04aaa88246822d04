/**
 * `whydenied mcp`: the commands as Model Context Protocol tools over standard input and output, with
 * the official SDK. Each call runs the command in-process on the texts it was given (nothing is read
 * from the disk, nothing leaves the machine) and answers with the command's `--format json` output.
 * Bundled on its own (dist/mcp-server.js): no other command loads the SDK.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/tools
 * @see https://github.com/modelcontextprotocol/typescript-sdk
 */
import { PassThrough, Readable } from 'node:stream';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { CliIo } from '../io.js';
import { run } from '../main.js';
import { checkArguments, MCP_TOOLS } from './tools.js';

/** The exit codes whose output is an answer: ran (0), and a gate reached (3). */
const ANSWERED = new Set([0, 3]);

/** Serves the tools on the process's standard streams until the client goes away. */
export async function serveMcp(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const server = new Server(
    { name: 'whydenied', version: '0.1.0' },
    { capabilities: { tools: {} }, instructions: 'Explain AWS access-denied errors; every input is text.' },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: MCP_TOOLS.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = MCP_TOOLS.find((t) => t.name === request.params.name);
    if (tool === undefined) return failure(`no tool is named \`${request.params.name}\``);
    const checked = checkArguments(tool, request.params.arguments);
    if (!checked.ok) return failure(checked.message);
    const { argv, texts, stdin } = tool.command(checked.value);
    const answer = await runInProcess(argv, texts, stdin ?? '', env);
    if (!ANSWERED.has(answer.exit)) {
      // the command's one-line reason, without the program name a terminal needs
      return failure(answer.stderr.trim().replace(/^whydenied: /, '') || `exit ${answer.exit}`);
    }
    const structured = JSON.parse(answer.stdout) as Record<string, unknown>;
    return { content: [{ type: 'text', text: answer.stdout }], structuredContent: structured };
  });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs one command with its inputs as named texts and captures what it prints. */
async function runInProcess(
  argv: readonly string[],
  texts: ReadonlyMap<string, string>,
  stdin: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ exit: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => into.push(chunk.toString('utf8')));
    return stream;
  };
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout: sink(out),
    stderr: sink(err),
    env: { ...env, NO_COLOR: '1' },
    texts,
  };
  const exit = await run(argv, io);
  // let the sinks deliver what was written
  await new Promise((resolve) => setImmediate(resolve));
  return { exit, stdout: out.join(''), stderr: err.join('') };
}
