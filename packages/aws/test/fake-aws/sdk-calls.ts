import { FAKE_CREDENTIALS, type FakeAws, type FakeWorld, startFakeAws } from './fake-aws.js';

/** What every client of a test is given: the fake's endpoint, static credentials, `us-east-1`. */
export function clientConfig(fake: FakeAws): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return { endpoint: fake.endpoint, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS } };
}

/** Collects every item of a paginator. */
export async function all<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** The error a call fails with: its SDK name, HTTP status and message. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('the call succeeded');
}

/** The calls the fake recorded for one IAM action. */
export function callsOf(fake: FakeAws, action: string) {
  return fake.calls.filter((c) => c.action === action);
}

/** Runs `run` against a fake of `world` of its own. */
export async function withFake(world: FakeWorld, run: (fake: FakeAws) => Promise<void>): Promise<void> {
  const fake = await startFakeAws(world);
  try {
    await run(fake);
  } finally {
    await fake.close();
  }
}
