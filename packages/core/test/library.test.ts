// @whydenied/core as a library: the package a consumer gets (`npm pack` of packages/core, unpacked into
// a project in the system's temporary directory, outside the workspace), used by name from plain Node,
// from esbuild for the browser and from tsc with NodeNext resolution. Reads packages/core/dist, which
// `npm test` builds first (scripts/build-core.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(CORE, '..', '..');

/** The workspace-only condition: the source, for tools that opt in, so that no build is needed. */
const SOURCE_CONDITION = '@whydenied/source';

/** Conditions whose targets must ship in the package. */
const SHIPPED_CONDITIONS = ['types', 'import', 'default'];

const EXPLICIT_DENIAL =
  'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::123456789012:user/alice ' +
  'is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::example-bucket/report.csv" ' +
  'because no identity-based policy allows the s3:GetObject action';
/** No action in the text: resolved through the operation table (ListBuckets is `s3:ListAllMyBuckets`). */
const OPERATION_ONLY =
  'An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied';

type Exports = string | { readonly [key: string]: Exports };

interface PackageJson {
  readonly main: string;
  readonly types: string;
  readonly exports: Readonly<Record<string, Exports>>;
  readonly dependencies: Readonly<Record<string, string>>;
}

const manifest = JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as PackageJson;

/** Every conditions object of the exports map, with the subpath it belongs to. */
function conditionObjects(): { subpath: string; conditions: Readonly<Record<string, Exports>> }[] {
  const found: { subpath: string; conditions: Readonly<Record<string, Exports>> }[] = [];
  const walk = (subpath: string, value: Exports) => {
    if (typeof value === 'string') return;
    found.push({ subpath, conditions: value });
    for (const inner of Object.values(value)) walk(subpath, inner);
  };
  for (const [subpath, value] of Object.entries(manifest.exports)) walk(subpath, value);
  return found;
}

/** Every target of the exports map with the condition it sits under (`''` for a plain string). */
function targets(): { subpath: string; condition: string; path: string }[] {
  const found: { subpath: string; condition: string; path: string }[] = [];
  const walk = (subpath: string, condition: string, value: Exports) => {
    if (typeof value === 'string') found.push({ subpath, condition, path: value });
    else for (const [key, inner] of Object.entries(value)) walk(subpath, key, inner);
  };
  for (const [subpath, value] of Object.entries(manifest.exports)) walk(subpath, '', value);
  return found;
}

/** The import specifiers of the code subpaths (`@whydenied/core`, later `@whydenied/core/engine`, …). */
const codeSpecifiers = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => `@whydenied/core${subpath.slice(1)}`);

/** The consumer project: `node_modules/@whydenied/core` unpacked from `npm pack`. */
let project = '';
let installed = '';

beforeAll(() => {
  if (!existsSync(join(CORE, 'dist', 'index.js'))) {
    throw new Error(
      'packages/core/dist is missing: run `npm run build` (or `node scripts/build-core.mjs`) first',
    );
  }
  project = realpathSync(mkdtempSync(join(tmpdir(), 'whydenied-core-consumer-')));
  if (project.startsWith(ROOT)) throw new Error(`the temporary directory ${project} is inside the workspace`);
  const packed = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--offline', '--json', '--pack-destination', project],
    { cwd: CORE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  execFileSync('tar', ['-xzf', join(project, filename), '-C', project]);
  installed = join(project, 'node_modules', '@whydenied', 'core');
  mkdirSync(dirname(installed), { recursive: true });
  renameSync(join(project, 'package'), installed);
  // the dependencies as npm would install them: the workspace's copies, linked (no network)
  for (const dependency of Object.keys(manifest.dependencies)) {
    const copy = [join(CORE, 'node_modules', dependency), join(ROOT, 'node_modules', dependency)].find((p) =>
      existsSync(join(p, 'package.json')),
    );
    if (copy === undefined) throw new Error(`dependency ${dependency} is not installed in the workspace`);
    const link = join(project, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(copy, link, 'dir');
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { '@whydenied/core': '*' },
    }),
  );
}, 60_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the built @whydenied/core package', () => {
  it('is imported by name from plain Node, reads an error and loads its JSON tables', () => {
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import { createCatalog } from '@whydenied/core';
import { readError } from '@whydenied/core/errors';
const action = (text) => {
  const result = readError(text);
  return result.ok ? result.value.failure.action : result.diagnostics[0].code;
};
// the global condition keys are a JSON table, imported on first use (an import attribute in dist/)
const catalog = createCatalog({
  loadService: async () => null,
  serviceNames: async () => [],
  rcpSupportedServices: async () => null,
});
console.log(JSON.stringify({
  resolved: import.meta.resolve('@whydenied/core'),
  explicit: action(${JSON.stringify(EXPLICIT_DENIAL)}),
  operation: action(${JSON.stringify(OPERATION_ONLY)}),
  sourceIp: await catalog.conditionKey('aws:SourceIp'),
}));
`,
    );
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, ['consumer.mjs'], { cwd: project, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(output.resolved).toBe(pathToFileURL(join(installed, 'dist', 'index.js')).href);
    expect(output.explicit).toBe('s3:GetObject');
    expect(output.operation).toBe('s3:ListAllMyBuckets');
    expect(output.sourceIp).toMatchObject({ key: 'aws:SourceIp', global: true });
  });

  it('bundles with esbuild for the browser: nothing left to import, no node: module', async () => {
    writeFileSync(
      join(project, 'browser-entry.js'),
      `import { createCatalog } from '@whydenied/core';
import { readError } from '@whydenied/core/errors';
export const reading = readError(${JSON.stringify(EXPLICIT_DENIAL)});
export const catalog = createCatalog({
  loadService: async () => null,
  serviceNames: async () => [],
  rcpSupportedServices: async () => null,
});
`,
    );
    const result = await build({
      absWorkingDir: project,
      entryPoints: ['browser-entry.js'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('node_modules/@whydenied/core/dist/index.js');
    // the lazily imported JSON tables are in the bundle
    expect(inputs).toContain('node_modules/@whydenied/core/dist/catalog/data/global-condition-keys.json');
    expect(inputs.filter((input) => input.includes('@whydenied/core/src/'))).toEqual([]);
    for (const output of Object.values(result.metafile.outputs)) expect(output.imports).toEqual([]);
  });

  it('has an exports map whose targets exist, with `types` first', () => {
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    const root = manifest.exports['.'];
    expect(typeof root === 'object' && root.types).toBe(manifest.types);
    expect(typeof root === 'object' && root.import).toBe(manifest.main);

    for (const { subpath, conditions } of conditionObjects()) {
      const keys = Object.keys(conditions).filter((key) => key !== SOURCE_CONDITION);
      expect(keys[0], `the first condition of ${subpath}`).toBe('types');
      // the source condition, when present, precedes `types` so that tsc (customConditions) takes it
      if (SOURCE_CONDITION in conditions) expect(Object.keys(conditions)[0]).toBe(SOURCE_CONDITION);
    }

    for (const { subpath, condition, path } of targets()) {
      const where = `${subpath} ${condition}: ${path}`;
      expect(existsSync(join(CORE, path)), `${where} exists in the workspace`).toBe(true);
      if (condition === SOURCE_CONDITION) {
        expect(path, where).toMatch(/^\.\/src\/.*\.ts$/);
        continue;
      }
      expect(existsSync(join(installed, path)), `${where} is in the packed package`).toBe(true);
      if (condition === 'types') {
        expect(path, where).toMatch(/^\.\/dist\/.*\.d\.ts$/);
        expect(existsSync(join(installed, `${path}.map`)), `${where} has a declaration map`).toBe(true);
      } else if (path !== './package.json') {
        expect(SHIPPED_CONDITIONS, where).toContain(condition);
        expect(path, where).toMatch(/^\.\/dist\/.*\.js$/);
      }
    }
    for (const path of [manifest.main, manifest.types])
      expect(existsSync(join(installed, path)), path).toBe(true);
  });

  it('type-checks a consumer with NodeNext resolution against the declarations', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { type ErrorReading, readError } from '@whydenied/core/errors';
${codeSpecifiers.map((specifier, i) => `export * as entry${i} from '${specifier}';`).join('\n')}

const result = readError('An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied');
export const reading: ErrorReading | null = result.ok ? result.value : null;
export const action: string | null = result.ok ? result.value.failure.action : (result.diagnostics[0]?.code ?? null);
// the declarations are real types, not \`any\`
// @ts-expect-error readError takes the pasted text
readError(42);
`,
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', project, '--listFiles'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const files = run.stdout.split('\n').filter((line) => line.includes('@whydenied/core/'));
    expect(
      run.status,
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('/'))
        .join('\n'),
    ).toBe(0);
    expect(files).toContain(join(installed, 'dist', 'index.d.ts'));
    expect(files.filter((file) => !file.endsWith('.d.ts'))).toEqual([]);
  });
});

/** The README's library examples: each ```js block, its `// → ` line the output it must print. */
function readmeExamples(): { code: string; expected: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## As a library'),
    readme.indexOf('\n## ', readme.indexOf('## As a library') + 1),
  );
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => {
    const code = m[1] ?? '';
    const expected = /^\/\/ → (.*)$/m.exec(code)?.[1];
    if (expected === undefined) throw new Error('a README library example has no `// → ` line');
    return { code, expected };
  });
}

describe("the README's library section", () => {
  const examples = readmeExamples();
  it('has the two examples: diagnose an error, evaluate a case', () => {
    expect(examples).toHaveLength(2);
  });
  it.each(examples.map((e, i) => [i + 1, e] as const))(
    'example %i runs against the built package',
    (i, example) => {
      const file = join(project, `readme-${i}.mjs`);
      writeFileSync(file, example.code);
      const { NODE_OPTIONS: _ignored, ...env } = process.env;
      const run = spawnSync(process.execPath, [file], { cwd: project, env, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe(example.expected);
    },
  );
});
