import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCliCase, runCli } from './run-cli.js';

const PASSROLE = ['diagnose', '--error', 'examples/errors/runinstances-passrole.txt'];
const ACCOUNT = ['--account', 'packages/core/src/evidence/fixtures/account-111122223333-cli.json'];

/** The environment of a shell where npm did not start whydenied. */
const NOT_NPM = { npm_command: undefined, npm_lifecycle_event: undefined, npm_execpath: undefined };

interface JsonFix {
  readonly file: string;
  readonly command: string;
  readonly document: unknown;
}

function fixesOf(stdout: string): JsonFix[] {
  return (JSON.parse(stdout) as { fixes: JsonFix[] }).fixes;
}

describe('diagnose: fix output people can use', () => {
  it('without evidence, gives the statement to add for each check, not verified', () => {
    checkCliCase({
      name: 'suggested statements',
      args: [...PASSROLE, '--format', 'json'],
      exit: 0,
      json: {
        fixes: [],
        'suggestedStatements.0.action': 'iam:PassRole',
        'suggestedStatements.0.verified': false,
        'suggestedStatements.0.statement.Condition': {
          StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
        },
      },
    });
    const text = runCli(PASSROLE).stdout;
    expect(text).toContain('Statements to add (not verified: your current policies were not given)');
    expect(text).toContain('"iam:PassedToService": "ec2.amazonaws.com"');
  });

  it('prints each complete fixed document in the text view, after the diff', () => {
    const [fix] = fixesOf(runCli([...PASSROLE, ...ACCOUNT, '--format', 'json']).stdout);
    if (fix === undefined) throw new Error('the case has a fix');
    const text = runCli([...PASSROLE, ...ACCOUNT]).stdout;
    const indented = JSON.stringify(fix.document, null, 2)
      .split('\n')
      .map((line) => `       ${line}`)
      .join('\n');
    expect(text).toContain(indented);
    expect(text.indexOf(indented)).toBeGreaterThan(text.indexOf('(fixed)'));
    expect(text).toContain(`$ ${fix.command}`);
  });

  it('--write-fixes DIR writes each document whole to the file its command names', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'whydenied-fixes-')), 'new', 'fixes');
    const run = runCli([...PASSROLE, ...ACCOUNT, '--write-fixes', dir, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const fixes = fixesOf(run.stdout);
    expect(fixes.length).toBeGreaterThan(0);
    expect(new Set(fixes.map((f) => f.file)).size).toBe(fixes.length);
    for (const fix of fixes) {
      const path = join(dir, fix.file);
      expect(fix.command).toContain(`file://${path}`);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(fix.document);
    }
    // nothing but the documents: no temporary file left behind
    expect(readdirSync(dir).sort()).toEqual(fixes.map((f) => f.file).sort());
  });

  it('without --write-fixes, each fix still names a file of its own', () => {
    const [fix] = fixesOf(runCli([...PASSROLE, ...ACCOUNT, '--format', 'json']).stdout);
    expect(fix?.file).toMatch(/^fix-1-[A-Za-z0-9._-]+\.json$/);
    expect(fix?.command).toContain(`file://${fix?.file}`);
  });

  it('an unwritable DIR is one line, exit 1, nothing printed, nothing written', () => {
    const parent = mkdtempSync(join(tmpdir(), 'whydenied-fixes-'));
    const file = join(parent, 'a-file');
    writeFileSync(file, 'not a directory');
    chmodSync(file, 0o444);
    checkCliCase({
      name: 'unwritable',
      args: [...PASSROLE, ...ACCOUNT, '--write-fixes', file],
      exit: 1,
      stderr: /^whydenied: .*a-file: cannot write fixes there \(not a directory\)$/,
    });
    checkCliCase({
      name: 'under a file',
      args: [...PASSROLE, ...ACCOUNT, '--write-fixes', join(file, 'fixes')],
      exit: 1,
      stderr: /^whydenied: .*a-file\/fixes: cannot write fixes there \(not a directory\)$/,
    });
    expect(existsSync(join(file, 'fixes'))).toBe(false);
  });

  it('names the executable the way the user runs it', () => {
    const givenWith = (stdout: string) => /then give it to `([^`]*) diagnose`/.exec(stdout)?.[1];
    expect(givenWith(runCli(PASSROLE, undefined, { npm_command: 'exec' }).stdout)).toBe('npx whydenied');
    expect(givenWith(runCli(PASSROLE, undefined, { ...NOT_NPM, PATH: '/nonexistent' }).stdout)).toBe(
      'npx whydenied',
    );
    const bin = mkdtempSync(join(tmpdir(), 'whydenied-bin-'));
    writeFileSync(join(bin, 'whydenied'), '#!/bin/sh\n', { mode: 0o755 });
    expect(givenWith(runCli(PASSROLE, undefined, { ...NOT_NPM, PATH: bin }).stdout)).toBe('whydenied');
    const usage = runCli(['diagnose', '--no-such-option'], undefined, { npm_command: 'exec' });
    expect(usage.status).toBe(2);
    expect(/run `([^`]*) --help`/.exec(usage.stderr)?.[1]).toBe('npx whydenied');
  });
});
