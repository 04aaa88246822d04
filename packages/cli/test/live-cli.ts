/** What the end-to-end tests of live mode share: the built CLI run beside the fake AWS, and its settings. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAKE_CREDENTIALS } from '../../aws/test/fake-aws/fake-aws.js';
import { ROOT } from './run-cli.js';

const BIN = fileURLToPath(new URL('../bin/whydenied.js', import.meta.url));

/** Runs the built CLI without blocking this process (the fake server answers from it). */
export function runCliAsync(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * The SDK's standard settings pointed at the fake; no config file or instance metadata is read.
 * `credentials: false` or `region: false` leaves that setting out, as a machine without it would.
 */
export function fakeAwsEnv(
  endpoint: string,
  { credentials = true, region = true } = {},
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    ...(credentials
      ? {
          AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
        }
      : {}),
    ...(region ? { AWS_REGION: 'us-east-1' } : {}),
    AWS_CONFIG_FILE: '/nonexistent/whydenied-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/whydenied-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
