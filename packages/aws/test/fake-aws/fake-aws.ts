import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, parseRequest, protocolFailure, writeAnswer } from './protocols.js';
import type { Context, FakeService } from './service.js';
import { deniedMessage, fail } from './service.js';
import { IAM } from './services/iam.js';
import { ORGANIZATIONS } from './services/organizations.js';
import { ECR, KMS, LAMBDA, S3, SECRETS_MANAGER, SNS, SQS } from './services/resource-policies.js';
import { STS } from './services/sts.js';
import { checkSignature, type WireRequest } from './sigv4.js';
import { FAKE_CREDENTIALS, type FakeCall, type FakeWorld, own } from './world.js';

export { FAKE_CREDENTIALS, type FakeCall, type FakeSimulation, type FakeWorld } from './world.js';

/** A running fake: its address, what it was asked, and how to stop it. */
export interface FakeAws {
  /** `http://127.0.0.1:PORT`, the endpoint of every service. */
  readonly endpoint: string;
  /** Every request received, in order (refused and failed ones too). */
  readonly calls: readonly FakeCall[];
  close(): Promise<void>;
}

/** The services the fake speaks, by SigV4 signing name. */
const SERVICES: Readonly<Record<string, FakeService>> = {
  iam: IAM,
  sts: STS,
  organizations: ORGANIZATIONS,
  s3: S3,
  kms: KMS,
  secretsmanager: SECRETS_MANAGER,
  sqs: SQS,
  sns: SNS,
  lambda: LAMBDA,
  ecr: ECR,
};

/**
 * Starts a loopback server that answers the read-only AWS calls whydenied makes, in each service's
 * real wire protocol, from `world`. One endpoint serves every service: requests are told apart by
 * their SigV4 credential scope (and, unsigned, by `X-Amz-Target`, the query `Version` or the path).
 * Requests must be signed with `world.credentials` (default {@link FAKE_CREDENTIALS}).
 *
 * @example
 * const fake = await startFakeAws({ caller, accountDetails, denied: ['iam:GetRole'] });
 * const config = { endpoint: fake.endpoint, region: 'us-east-1', credentials: FAKE_CREDENTIALS };
 * await new IAMClient(config).send(new GetRoleCommand({ RoleName: 'app' })); // AccessDenied, 403
 * new S3Client({ ...config, forcePathStyle: true }); // S3 by path: no bucket host names to resolve
 * fake.calls; // [{ service: 'iam', operation: 'GetRole', action: 'iam:GetRole', status: 403, signedFor: 'iam' }]
 * await fake.close();
 */
export async function startFakeAws(world: FakeWorld): Promise<FakeAws> {
  const calls: FakeCall[] = [];
  const throttles = new Map(Object.entries(world.throttle ?? {}));
  let endpoint = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = () => {
        const call = answer(toWire(req, Buffer.concat(chunks)), res, { world, throttles, endpoint });
        calls.push(call);
      };
      if (world.latencyMs === undefined) reply();
      else setTimeout(reply, world.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

function toWire(req: IncomingMessage, body: Buffer): WireRequest {
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return {
    method: req.method ?? 'GET',
    rawPath: at < 0 ? url : url.slice(0, at),
    rawQuery: at < 0 ? '' : url.slice(at + 1),
    headers,
    body,
  };
}

interface State {
  readonly world: FakeWorld;
  /** Throttled answers still to give, by IAM action. */
  readonly throttles: Map<string, number>;
  readonly endpoint: string;
}

/** Checks, routes and answers one request, and says what it was. */
function answer(wire: WireRequest, res: ServerResponse, state: State): FakeCall {
  const { world } = state;
  const signature = checkSignature(wire, world.credentials ?? FAKE_CREDENTIALS);
  const signedFor = signature.kind === 'unsigned' ? null : signature.service;
  const service = own(SERVICES, signedFor ?? guessService(wire));
  if (service === undefined) {
    res.statusCode = 400;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ __type: 'UnknownServiceException', message: `no service signs as ${signedFor}` }),
    );
    return { service: signedFor ?? 'unknown', operation: '', action: '', status: 400, signedFor };
  }
  let parsed: ReturnType<typeof parseRequest>;
  try {
    parsed = parseRequest(service.protocol, wire, service.route);
  } catch {
    const status = writeAnswer(
      service.protocol,
      'Unknown',
      fail('SerializationException', 400, 'malformed request'),
      res,
    );
    return { service: service.signingName, operation: '', action: '', status, signedFor };
  }
  const { operation, input } = parsed;
  const handler = own(service.operations, operation);
  const action = handler?.action ?? `${service.signingName}:${operation}`;
  const context: Context = {
    world,
    region: signature.kind === 'unsigned' ? 'us-east-1' : signature.region,
    endpoint: state.endpoint,
  };
  const reply = ((): Answer => {
    if (signature.kind !== 'signed')
      return { ok: false, error: protocolFailure(service.protocol, signature.kind, operation) };
    if (handler === undefined)
      return { ok: false, error: protocolFailure(service.protocol, 'unknown-operation', operation) };
    const throttled = state.throttles.get(action) ?? 0;
    if (throttled > 0) {
      state.throttles.set(action, throttled - 1);
      return { ok: false, error: service.throttled };
    }
    if (world.denied?.includes(action)) {
      const named = handler.action ?? `${service.messagePrefix ?? service.signingName}:${operation}`;
      return {
        ok: false,
        error: {
          ...service.denied,
          message: deniedMessage(world.caller.arn, named, handler.resource(input, context)),
        },
      };
    }
    try {
      return handler.answer(input, context);
    } catch (error) {
      // a bug of the fake: said in the response, not left as a hung request
      return fail('InternalFailure', 500, `the fake failed: ${String(error)}`);
    }
  })();
  const status = writeAnswer(service.protocol, operation, reply, res);
  return { service: service.signingName, operation, action, status, signedFor };
}

/** JSON services' `X-Amz-Target` prefixes. */
const TARGETS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(SERVICES).flatMap((s) =>
    s.protocol.kind === 'json' ? [[s.protocol.target, s.signingName]] : [],
  ),
);

/** The service an unsigned request is meant for, so that it is refused in that service's own words. */
function guessService(wire: WireRequest): string {
  const target = wire.headers['x-amz-target'];
  if (target !== undefined) return own(TARGETS, target.slice(0, target.indexOf('.'))) ?? 'unknown';
  if (wire.rawPath.startsWith('/2015-03-31/')) return 'lambda';
  const version = new URLSearchParams(wire.body.toString('utf8')).get('Version');
  const query = Object.values(SERVICES).find(
    (s) => s.protocol.kind === 'query' && s.protocol.version === version,
  );
  return query?.signingName ?? 's3';
}
