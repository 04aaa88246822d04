// Harness for the browser tests: Debian's Chromium driven by playwright-core (no browser download),
// the page served by the built CLI (`whydenied web --port 0`), and every request the page makes recorded.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');

/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** The seed case of the page tests: the bundled example error and the evidence fixture of its account. */
export const ERROR_FILE = 'examples/errors/runinstances-passrole.txt';
export const ACCOUNT_FILE = 'packages/core/src/evidence/fixtures/account-111122223333-cli.json';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for tests that need Chromium. Without `/usr/bin/chromium` they fail in CI (`CI` set) with
 * a message saying how to install it, and are skipped elsewhere.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium); .ci/run does`,
        );
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${CHROMIUM} is missing)`, body);
  }
}

/** A running `whydenied web`. */
export interface WebServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the built CLI's `web --port 0` and reads the address it prints. */
export async function startWeb(): Promise<WebServer> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'web', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`whydenied web printed no address: ${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`whydenied web exited with ${code}: ${err}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** A fresh Chromium profile with every request of every page recorded. */
export interface Browser {
  readonly context: BrowserContext;
  readonly requests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with a new, empty profile directory. */
export async function launchBrowser(
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'whydenied-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // a busy 2-core machine running the whole suite can be slow: waits get minutes, not playwright's 30 s
  context.setDefaultTimeout(120_000);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    requests,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The requests that went anywhere but the page's own origin (blob: and data: URLs stay in the page). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => {
    if (url.startsWith('data:')) return false;
    if (url.startsWith('blob:')) return !url.startsWith(`blob:${origin}`);
    return new URL(url).origin !== origin;
  });
}

/** Runs the built CLI and returns its standard output; throws with its standard error on failure. */
export function cli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The served page and a browser, started before a suite's tests and stopped after them. */
export interface PageSession {
  readonly server: WebServer;
  readonly browser: Browser;
}

/**
 * Starts `whydenied web` and Chromium before the tests of the enclosing `describe` and stops both after
 * them; read `server` and `browser` from the returned object inside the tests.
 */
export function usePageSession(): PageSession {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startWeb();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (server === undefined) throw new Error('the page session has not started');
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error('the page session has not started');
      return browser;
    },
  };
}
