import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ESC = '\u001b';
const OSC_TITLE = `${ESC}]0;pwned\u0007`;
const RESET = `${ESC}c`;
const LINK = `${ESC}]8;;http://evil.example/${ESC}\\`;

/** Control characters a terminal would act on: none may reach standard output of a text view. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'whydenied-tty-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('text views print what the input says as text only', () => {
  it('diagnose: OSC title, hyperlink and ESC c in the caller and resource', () => {
    const error = file(
      'error.txt',
      `An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/al${OSC_TITLE}ice${RESET} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/${LINK}k" because no identity-based policy allows the s3:GetObject action`,
    );
    const run = runCli(['diagnose', '--error', error]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('arn:aws:iam::111122223333:user/alice');
    expect(run.stdout).not.toMatch(CONTROL);
  });

  it('explain: a decoded message whose principal holds escape sequences', () => {
    const message = {
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      context: {
        principal: { arn: `arn:aws:iam::111122223333:user/a${OSC_TITLE}b${RESET}` },
        action: 's3:GetObject',
        resource: `arn:aws:s3:::b/${LINK}k`,
      },
    };
    const decoded = file('decoded.json', JSON.stringify({ DecodedMessage: JSON.stringify(message) }));
    const run = runCli(['explain', decoded]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('arn:aws:iam::111122223333:user/ab');
    expect(run.stdout).not.toMatch(CONTROL);
  });

  it('lint and simulate: an action, a Sid and a policy name holding escape sequences', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Sid: `S${OSC_TITLE}${RESET}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', Action: `s3:Get${RESET}Objct`, Resource: '*' },
      ],
    };
    const policy = file('policy.json', JSON.stringify(document));
    const lint = runCli(['lint', policy]);
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain('unknown-action');
    expect(lint.stdout).not.toMatch(CONTROL);
    const request = {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:GetObject',
      resource: `arn:aws:s3:::b/${LINK}k`,
    };
    const simulated = file(
      'case.json',
      JSON.stringify({ request, identityPolicies: [{ name: `P${RESET}`, document }] }),
    );
    const simulate = runCli(['simulate', '--case', simulated]);
    expect(simulate.status).toBe(0);
    expect(simulate.stdout).toContain('Allowed');
    expect(simulate.stdout).not.toMatch(CONTROL);
  });
});
