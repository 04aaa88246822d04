import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findWebDist,
  OFFLINE_PAGE,
  PAGE_CSP,
  resolveInside,
  type StaticServer,
  startStaticServer,
} from '../src/web-server.js';
import { ROOT } from './run-cli.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request (the path is sent as written, without normalisation). */
function fetchRaw(
  url: string,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.host === undefined ? {} : { host: options.host },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('web static server', () => {
  let root: string;
  let served: StaticServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'whydenied-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(root, 'data.json'), '{"a":1}');
    writeFileSync(join(root, OFFLINE_PAGE), '<!doctype html><title>offline</title>');
    writeFileSync(join(root, '..', `${root.split('/').pop()}-secret.txt`), 'secret');
    served = await startStaticServer(root, '127.0.0.1', 0);
  });

  afterAll(async () => {
    await served?.close();
  });

  it('serves the page at / with its content type, the CSP and nosniff', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchRaw(served.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("default-src 'self'");
    expect(PAGE_CSP).toContain("connect-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<title>page</title>');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/data.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const answer = await fetchRaw(served.url, path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
  });

  it.each([
    '/../secret.txt',
    `/../${'x'}-secret.txt`,
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/%00',
    '/%zz',
  ])('never leaves the directory: %s', async (path) => {
    const answer = await fetchRaw(served.url, path);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('secret');
    expect(answer.body).not.toContain('root:');
  });

  it('sends the self-contained offline page as a download, under the same CSP', async () => {
    const answer = await fetchRaw(served.url, `/${OFFLINE_PAGE}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="whydenied.html"');
    expect(answer.headers['content-security-policy']).toBe(PAGE_CSP);
    expect((await fetchRaw(served.url, '/')).headers['content-disposition']).toBeUndefined();
  });

  it('answers 404 for a directory and a missing file', async () => {
    expect((await fetchRaw(served.url, '/assets')).status).toBe(404);
    expect((await fetchRaw(served.url, '/nope.js')).status).toBe(404);
  });

  it('takes GET and HEAD only', async () => {
    const head = await fetchRaw(served.url, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await fetchRaw(served.url, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect((await fetchRaw(served.url, '/', { host: 'evil.example' })).status).toBe(421);
    const port = new URL(served.url).port;
    expect((await fetchRaw(served.url, '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('closes the file of every download the client aborts (no descriptor leaks)', async () => {
    if (!existsSync('/proc/self/fd')) return;
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 1));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    const { hostname, port } = new URL(served.url);
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from(
          { length: 20 },
          () =>
            new Promise<void>((done) => {
              const req = request({ hostname, port, path: '/big.bin' }, (res) => {
                expect(res.statusCode).toBe(200);
                req.destroy();
                done();
              });
              req.on('error', () => done());
              req.end();
            }),
        ),
      );
    }
    // the server sees each abort a moment later: wait until the descriptors are back, or give up
    for (let i = 0; i < 100 && open() > before + 10; i++) await new Promise((r) => setTimeout(r, 50));
    expect(open()).toBeLessThanOrEqual(before + 10);
  });

  it('keeps the host check on every address, allowing the host it was given', async () => {
    const everywhere = await startStaticServer(root, '0.0.0.0', 0);
    try {
      const port = new URL(everywhere.url).port;
      const local = `http://127.0.0.1:${port}/`;
      expect((await fetchRaw(local, '/', { host: 'evil.example' })).status).toBe(421);
      expect((await fetchRaw(local, '/', { host: `evil.example:${port}` })).status).toBe(421);
      expect((await fetchRaw(local, '/', { host: `0.0.0.0:${port}` })).status).toBe(200);
      expect((await fetchRaw(local, '/', { host: `localhost:${port}` })).status).toBe(200);
    } finally {
      await everywhere.close();
    }
  });

  it('resolves paths inside the root only', () => {
    expect(resolveInside('/srv/site', '/')).toBe('/srv/site/index.html');
    expect(resolveInside('/srv/site', '/a/b.js')).toBe('/srv/site/a/b.js');
    expect(resolveInside('/srv/site', '/a/../../b')).toBeNull();
    expect(resolveInside('/srv/site', '/%2e%2e/b')).toBeNull();
  });

  it('finds the built page beside the CLI bundle, and says when there is none', () => {
    expect(findWebDist(new URL('../dist/main.js', import.meta.url).href)).toBe(
      join(ROOT, 'packages/web/dist'),
    );
    expect(findWebDist('file:///nonexistent/a/b/main.js')).toBeNull();
  });
});

describe('whydenied web', () => {
  it('prints its address, serves the built page, and stops on SIGINT with exit 0', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'packages/cli/bin/whydenied.js'), 'web', '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchRaw(url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Content-Security-Policy');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    // the offline copy: one inline classic script, allowed by its hash, and no file it would fetch
    const offline = await fetchRaw(url, `/${OFFLINE_PAGE}`);
    expect(offline.status).toBe(200);
    expect(offline.headers['content-disposition']).toMatch(/^attachment;/);
    const scripts = [...offline.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toBe('');
    const hash = createHash('sha256')
      .update(scripts[0]?.[2] ?? '', 'utf8')
      .digest('base64');
    expect(offline.body).toContain(`script-src 'sha256-${hash}'`);
    expect(offline.body).not.toMatch(/\b(?:src|href)="(?!data:)/);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('--host 0.0.0.0 warns on standard error that other machines can reach it', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'packages/cli/bin/whydenied.js'), 'web', '--port', '0', '--host', '0.0.0.0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stderr = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
        if (err.includes('Ctrl-C')) resolve(err);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
    });
    expect(stderr).toMatch(/^whydenied: warning: listening on 0\.0\.0\.0, reachable from other machines/);
    // an answer from the server: its Ctrl-C handler is in place before the signal is sent
    const port = /:(\d+) or localhost/.exec(stderr)?.[1] ?? '';
    const page = await fetchRaw(`http://127.0.0.1:${port}/`, '/', { host: `0.0.0.0:${port}` });
    expect(page.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});
