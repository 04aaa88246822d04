import { describe, expect, it } from 'vitest';
import { FAILURE_FIELDS, loadCaseTable, readCorpus } from '../../test/case-table.js';
import type { ErrorReading, FailureFacts } from './failure.js';
import { type ReadErrorOptions, readError } from './read-error.js';

/** What a case may assert; every field is optional except where the table says otherwise. */
interface Expected extends Partial<FailureFacts> {
  readonly kind?: ErrorReading['kind'];
  /** Diagnostic code when the input holds no error. */
  readonly error?: string;
  readonly lookalike?: string | null;
  readonly encodedMessage?: string;
  readonly httpStatus?: number | null;
  readonly requestId?: string | null;
  readonly region?: string | null;
  readonly principalKind?: string;
  readonly principalOrigin?: string | null;
  readonly principalAccount?: string | null;
  readonly permissionSet?: string | null;
  readonly instanceId?: string | null;
  readonly roleArn?: string | null;
  readonly sessionName?: string | null;
  readonly transitiveThroughScp?: boolean;
  readonly authorizationId?: string | null;
  readonly actionSource?: string | null;
  readonly otherFailures?: number;
  /** Exact list of unknown codes, in order. */
  readonly unknowns?: readonly string[];
  /** Surfaces that must be among those recognised. */
  readonly surfaces?: readonly string[];
  /** Exact list of redacted ARN parts, each `fact.part=text` (`principal.account={account-id}`). */
  readonly redacted?: readonly string[];
}

interface ErrorCase {
  readonly name: string;
  /** Where the text was found (an issue, a documentation page); required in the pasted-shapes table. */
  readonly source?: string;
  readonly input: { readonly corpus?: number; readonly text?: string; readonly options?: ReadErrorOptions };
  readonly expected: Expected;
}

const ALLOWED = {
  top: ['name', 'source', 'input', 'expected'],
  input: ['corpus', 'text', 'options'],
  expected: [
    'kind',
    ...FAILURE_FIELDS,
    'error',
    'lookalike',
    'encodedMessage',
    'httpStatus',
    'requestId',
    'region',
    'principalKind',
    'principalOrigin',
    'principalAccount',
    'permissionSet',
    'instanceId',
    'roleArn',
    'sessionName',
    'transitiveThroughScp',
    'authorizationId',
    'actionSource',
    'otherFailures',
    'unknowns',
    'surfaces',
    'redacted',
  ],
};

const corpus = readCorpus();
const corpusCases = loadCaseTable<ErrorCase>(new URL('./cases/corpus.cases.json', import.meta.url), ALLOWED);
const shapeCases = loadCaseTable<ErrorCase>(new URL('./cases/shapes.cases.json', import.meta.url), ALLOWED);
const pastedCases = loadCaseTable<ErrorCase>(new URL('./cases/pasted.cases.json', import.meta.url), ALLOWED);

function textOf(c: ErrorCase): string {
  if (c.input.corpus !== undefined) {
    const entry = corpus[c.input.corpus - 1];
    if (entry === undefined) {
      throw new Error(`${c.name}: no corpus line ${c.input.corpus}`);
    }
    return entry.text;
  }
  if (c.input.text === undefined) {
    throw new Error(`${c.name}: input needs \`corpus\` or \`text\``);
  }
  return c.input.text;
}

/** Projects a reading onto the keys a case asserts, so failures show only what differs. */
function project(reading: ErrorReading, expected: Expected): Record<string, unknown> {
  const p = reading.principalInfo;
  const all: Record<string, unknown> = {
    kind: reading.kind,
    ...reading.failure,
    lookalike: reading.lookalike,
    encodedMessage: reading.encodedMessage.state,
    httpStatus: reading.httpStatus,
    requestId: reading.requestId,
    region: reading.region,
    principalKind: p?.kind,
    principalOrigin: p?.origin ?? null,
    principalAccount: p?.account ?? null,
    permissionSet: p?.permissionSet ?? null,
    instanceId: p?.instanceId ?? null,
    roleArn: p?.roleArn ?? null,
    sessionName: p?.sessionName ?? null,
    transitiveThroughScp: reading.transitiveThroughScp,
    authorizationId: reading.authorizationId,
    actionSource: reading.actionSource,
    otherFailures: reading.otherFailures,
    unknowns: reading.unknowns.map((u) => u.code),
    surfaces: expected.surfaces?.filter((s) => reading.surfaces.includes(s)),
    redacted: reading.redacted.map((r) => `${r.fact}.${r.part}=${r.text}`),
  };
  return Object.fromEntries(Object.keys(expected).map((k) => [k, all[k]]));
}

function check(c: ErrorCase): void {
  const result = readError(textOf(c), c.input.options);
  if (c.expected.error !== undefined) {
    expect(result.ok ? 'ok' : result.diagnostics[0]?.code).toBe(c.expected.error);
    return;
  }
  if (!result.ok) {
    throw new Error(
      `${c.name}: expected a reading, got \`${result.diagnostics[0]?.code}\`: ${result.diagnostics[0]?.message}`,
    );
  }
  expect(project(result.value, c.expected)).toEqual(c.expected);
}

describe('readError: every corpus message', () => {
  it('has exactly one labelled case per corpus line', () => {
    const labelled = corpusCases.map((c) => c.input.corpus).sort((a = 0, b = 0) => a - b);
    expect(labelled).toEqual(corpus.map((_, i) => i + 1));
  });
  it('labels every contract field of every corpus case', () => {
    for (const c of corpusCases) {
      for (const field of ['kind', ...FAILURE_FIELDS]) {
        expect(c.expected, `${c.name} lacks \`${field}\``).toHaveProperty(field);
      }
    }
  });
  it.each(corpusCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('readError: shapes of spec part A beyond the corpus', () => {
  it.each(shapeCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('readError: what people paste (issue 11), each case from a public source', () => {
  it('names a source for every case', () => {
    for (const c of pastedCases) {
      expect(c.source, c.name).toMatch(/^https:\/\/\S+$/);
    }
  });
  it.each(pastedCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('readError: hostile inputs', () => {
  it('reads anchors before long runs of `<` and `[` (no closer) as denials without an action', () => {
    for (const opener of ['<', '[']) {
      const result = readError(`not authorized to perform: ${opener.repeat(8000)}`.repeat(16));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.kind).toBe('authorization');
      expect(result.value.failure).toMatchObject({ action: null, principal: null, resource: null });
    }
  });

  it('reads 64 anchors each after 2,040 spaces (issue 12, defect 9) as one unnamed denial', () => {
    const result = readError(`${' '.repeat(2040)}not authorized to perform: x`.repeat(64));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe('authorization');
    expect(result.value.failure).toMatchObject({ code: null, action: null, principal: null, resource: null });
    expect(result.value.otherFailures).toBe(0);
  });
});

// The Terraform AWS provider's step wordings (as its source writes them) whose API names the resource otherwise, and
// the longer resource names a shorter step is only the start of
// https://hashicorp.github.io/terraform-provider-aws/error-handling
describe("readError: the Terraform provider's steps", () => {
  it.each([
    ['creating Route 53 Record', 'route53:ChangeResourceRecordSets'],
    ['creating ACM Certificate (example.com)', 'acm:RequestCertificate'],
    ['creating EventBridge Rule (r)', 'events:PutRule'],
    ['creating SSM Parameter (/app/db)', 'ssm:PutParameter'],
    ['creating ECS Task Definition (t)', 'ecs:RegisterTaskDefinition'],
    ['creating CloudWatch Metric Alarm (a)', 'cloudwatch:PutMetricAlarm'],
    ['creating Lambda Permission (p)', 'lambda:AddPermission'],
    ['error setting Lambda Function (f) concurrency', 'lambda:PutFunctionConcurrency'],
    [
      'putting Secrets Manager Secret (arn:aws:secretsmanager:us-east-1:111122223333:secret:s) value',
      'secretsmanager:PutSecretValue',
    ],
    ['attaching IAM Policy (arn:aws:iam::aws:policy/ReadOnlyAccess) to IAM Role (r)', 'iam:AttachRolePolicy'],
    ['attaching IAM Policy (arn:aws:iam::aws:policy/ReadOnlyAccess) to IAM User (u)', 'iam:AttachUserPolicy'],
    ['creating EMR Cluster', 'elasticmapreduce:RunJobFlow'],
    ['creating Cognito Identity Pool', 'cognito-identity:CreateIdentityPool'],
    ['creating EKS Add-On (c:a)', 'eks:CreateAddon'],
    // a longer name that starts with a shorter step's is not that step (the catalog names it CreateVpcEndpoint)
    ['creating EC2 VPC Endpoint', null],
    ['creating EC2 VPC (vpc-1)', 'ec2:CreateVpc'],
  ])('`%s` is %s', (step, action) => {
    const result = readError(
      `Error: ${step}: AccessDeniedException: denied\n\tstatus code: 403, request id: r`,
    );
    expect(result.ok && result.value.failure.action).toBe(action);
  });

  it('reads no step from a longer name it has no entry for (`creating IAM Role Policy` is no CreateRole)', () => {
    const result = readError('Error: creating IAM Role Policy (r:p): AccessDeniedException: denied');
    expect(result.ok && result.value.failure.action).toBeNull();
  });
});

describe('readError: shapes of issue 11 without a public paste at hand', () => {
  function read(text: string): ErrorReading {
    const result = readError(text);
    if (!result.ok) throw new Error(`no reading: ${result.diagnostics[0]?.code}`);
    return result.value;
  }

  it("reads the code of the Rust SDK's ErrorMetadata, not its wrappers' names", () => {
    const r = read(
      'Error: ServiceError(ServiceError { source: AccessDeniedException(AccessDeniedException { message: Some("User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:eu-west-1:111122223333:table/t because no identity-based policy allows the dynamodb:GetItem action"), meta: ErrorMetadata { code: Some("AccessDeniedException"), message: Some("User: ..."), extras: Some({"aws_request_id": "0123ABCD-REQ"}) } }), raw: Response { status: StatusCode(400) } })',
    );
    expect(r.failure).toMatchObject({
      code: 'AccessDeniedException',
      action: 'dynamodb:GetItem',
      reasonLayer: 'identity',
    });
    expect(r.requestId).toBe('0123ABCD-REQ');
  });

  it("reads a Python 2 dict repr's `u'__type'` and `u'Message'` (boto 2)", () => {
    const r = read(
      "JSONResponseError: JSONResponseError: 400 Bad Request\n{u'__type': u'com.amazon.coral.service#AccessDeniedException', u'Message': u'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:eu-west-1:111122223333:log-group::log-stream:'}",
    );
    expect(r.failure).toMatchObject({ code: 'AccessDeniedException', action: 'logs:DescribeLogGroups' });
    expect(r.failure.resource).toBe('arn:aws:logs:eu-west-1:111122223333:log-group::log-stream:');
  });

  it('reads `perform: (sts:X) action` as the action in parentheses', () => {
    const r = read(
      'User: arn:aws:sts::111122223333:assumed-role/ci/run is not authorized to perform: (sts:AssumeRole) action on resource: arn:aws:iam::444455556666:role/deploy',
    );
    expect(r.failure).toMatchObject({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::444455556666:role/deploy',
    });
  });

  it('keeps an ARN with shell-variable and `{account-id}` stand-ins whole and lists them', () => {
    const variable = '$'.concat('{CLUSTER_NAME}');
    const r = read(
      `User: arn:aws:sts::{account-id}:assumed-role/ci/run is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-east-1:{account-id}:cluster/${variable}`,
    );
    expect(r.failure.resource).toBe(`arn:aws:eks:us-east-1:{account-id}:cluster/${variable}`);
    expect(r.redacted.map((p) => `${p.fact}.${p.part}=${p.text}`)).toEqual([
      'principal.account={account-id}',
      'resource.account={account-id}',
      `resource.resource=${variable}`,
    ]);
  });

  it('keeps a principal with a spaced `[account id]` and an ARN with ` ... ` elided whole', () => {
    const r = read(
      'User: arn:aws:iam::[account id]:user/bob is not authorized to perform: iam:PassRole on resource: arn:aws:iam:: ... :role/app with an explicit deny in an identity-based policy',
    );
    expect(r.failure).toMatchObject({
      principal: 'arn:aws:iam::[account id]:user/bob',
      resource: 'arn:aws:iam:: ... :role/app',
      denyType: 'explicit',
      reasonLayer: 'identity',
    });
  });

  it("reads IAM's `on resource: policy <ARN>` as that ARN, before the reason clause", () => {
    const r = read(
      'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: iam:GetPolicy on resource: policy arn:aws:iam::aws:policy/ReadOnlyAccess because no identity-based policy allows the iam:GetPolicy action',
    );
    expect(r.failure).toMatchObject({
      resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      reasonLayer: 'identity',
    });
    expect(r.unknowns.map((u) => u.code)).not.toContain('resource-rebuilt');
  });

  it('reads a known code alone on its line, and one in Markdown backticks', () => {
    expect(read('Deploy failed:\nAccessDenied\n').failure.code).toBe('AccessDenied');
    expect(read('the call fails with `AccessDeniedException`: not sure why').failure.code).toBe(
      'AccessDeniedException',
    );
  });

  it("reads a codeless failed answer in Java v2's envelope as an AWS error of kind other", () => {
    const result = readError(
      'Resource handler returned message: "The widget is not ready. (Service: Sfn, Status Code: 400, Request ID: 1f2e)"',
    );
    expect(result.ok && [result.value.kind, result.value.failure.code, result.value.failure.service]).toEqual(
      ['other', null, 'states'],
    );
  });

  it("reads a CloudFormation handler's relayed message as an AWS error even without a code", () => {
    const result = readError(
      'CREATE_FAILED | AWS::Widget::Thing | Resource handler returned message: "The widget is not ready."',
    );
    expect(result.ok && [result.value.kind, result.value.failure.code]).toEqual(['other', null]);
  });

  it('takes no field label for an unknown code before a Go status line', () => {
    const result = readError(
      'Error: creating thing: StatusCode: 400, RequestID: abc\n\tstatus code: 400, request id: x',
    );
    // the Go SDK's `status code: 400, request id: x` envelope makes it an AWS error, of no code
    expect(result.ok ? [result.value.kind, result.value.failure.code] : result.diagnostics[0]?.code).toEqual([
      'other',
      null,
    ]);
  });

  it('reads a code glued to a log level tag', () => {
    expect(read('[ERROR]AccessDenied: Access Denied').failure.code).toBe('AccessDenied');
  });

  it('lists an emptied account field of the caller as a redacted part', () => {
    const r = read(
      'User: arn:aws:iam:::user/bob is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b',
    );
    expect(r.redacted.map((p) => `${p.fact}.${p.part}=${p.text}`)).toEqual(['principal.account=']);
    expect(r.unknowns.map((u) => u.code)).toContain('principal-redacted');
  });

  it('reads a CloudTrail Records file with `-- snip --` lines instead of refusing it as invalid JSON', () => {
    const r = read(
      [
        '{"Records": [{',
        '  "eventVersion": "1.08",',
        '  "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/ci/run"},',
        '  -- snip --',
        '  "eventSource": "kms.amazonaws.com", "eventName": "Decrypt", "awsRegion": "eu-west-1",',
        '  "errorCode": "AccessDenied",',
        '  "errorMessage": "User: arn:aws:sts::111122223333:assumed-role/ci/run is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/k because no identity-based policy allows the kms:Decrypt action",',
        '  -- snip --',
      ].join('\n'),
    );
    expect(r.failure).toMatchObject({
      code: 'AccessDenied',
      operation: 'Decrypt',
      service: 'kms',
      action: 'kms:Decrypt',
      principal: 'arn:aws:sts::111122223333:assumed-role/ci/run',
      resource: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      reasonLayer: 'identity',
    });
    expect(r.region).toBe('eu-west-1');
  });

  it("ends a resource at the quote that closes a one-line Lambda log's JSON string", () => {
    const r = read(
      '{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/r/f is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111122223333:parameter/x","reason":{"errorType":"AccessDeniedException"}}',
    );
    expect(r.failure).toMatchObject({
      code: 'AccessDeniedException',
      resource: 'arn:aws:ssm:us-east-1:111122223333:parameter/x',
    });
  });

  it("lets the AWS code win over a framework's wrapper name", () => {
    const r = read('ServerlessError: AccessDenied: Access Denied');
    expect(r.failure.code).toBe('AccessDenied');
  });
});
