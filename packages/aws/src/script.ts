import type { Result } from '@whydenied/core';
import { parseArn } from '@whydenied/core/engine';
import { checksForFailure, type ReadErrorOptions, readError } from '@whydenied/core/errors';
import { principalOf } from './principal.js';
import { bucketOf, functionArnOf, resourcePolicyService } from './resource-policy.js';

/**
 * `collect --script`: the AWS CLI commands that write the same evidence files, for people who run
 * the reads themselves instead of giving a tool their credentials. Every file they write is read by
 * the offline commands as it is: `get-account-authorization-details` narrowed with `--query` keeps
 * its shape, and each service's `get-*-policy` output is one of the wrappers the policy reader knows.
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html
 */
export function collectScript(
  errorText: string | null,
  options: ReadErrorOptions,
  parameters: Readonly<Record<string, unknown>>,
  out: string,
  errorFile: string | null,
): Result<string> {
  const read = errorText === null ? null : readError(errorText, options);
  if (read !== null && !read.ok) return read;
  const reading = read?.value ?? null;
  const lines = [
    '#!/bin/sh',
    '# The AWS CLI commands that write the evidence whydenied reads (all read-only); run them with the',
    "# error caller's account credentials, then: whydenied diagnose --evidence DIR",
    'set -e',
    `mkdir -p ${quote(out)}`,
  ];
  const files: { file: string; kind: string; arn?: string }[] = [];
  if (errorFile !== null) lines.push(`cp ${quote(errorFile)} ${quote(`${out}/error.txt`)}`);
  lines.push(`cd ${quote(out)}`, 'aws sts get-caller-identity');
  const encoded = reading?.encodedMessage;
  if (encoded?.state === 'present' && encoded.value !== null) {
    lines.push(
      `aws sts decode-authorization-message --encoded-message ${quote(encoded.value)} --query DecodedMessage --output text > decoded.json`,
    );
    files.push({ file: 'decoded.json', kind: 'decoded' });
  }
  const principal = reading?.failure.principal ?? null;
  const who = principal === null ? null : principalOf(principal);
  const account = who?.account ?? 'ACCOUNT';
  const accountFile = `account-${account}.json`;
  if (who === null) {
    lines.push(
      '# the error names no user or role: the whole account (a broad IAM read)',
      `aws iam get-account-authorization-details --output json > ${accountFile}`,
    );
  } else if (who.type === 'role') {
    lines.push(
      `# role ${who.name} with its policies, in the shape get-account-authorization-details prints`,
      `aws iam get-account-authorization-details --filter Role LocalManagedPolicy AWSManagedPolicy --query ${quote(
        `{RoleDetailList: RoleDetailList[?RoleName=='${who.name}'], UserDetailList: \`[]\`, GroupDetailList: \`[]\`, Policies: Policies}`,
      )} --output json > ${accountFile}`,
    );
  } else {
    lines.push(
      `# user ${who.name} with its groups and policies, in the shape get-account-authorization-details prints`,
      `aws iam get-account-authorization-details --filter User Group LocalManagedPolicy AWSManagedPolicy --query ${quote(
        `{UserDetailList: UserDetailList[?UserName=='${who.name}'], GroupDetailList: GroupDetailList, RoleDetailList: \`[]\`, Policies: Policies}`,
      )} --output json > ${accountFile}`,
    );
  }
  files.push({ file: accountFile, kind: 'account' });
  const checks = reading === null ? [] : checksForFailure(reading, null, parameters);
  const seen = new Set<string>();
  for (const resource of [reading?.failure.resource ?? null, ...checks.map((c) => c.resource)]) {
    if (resource === null || resource.includes('*') || seen.has(resource)) continue;
    seen.add(resource);
    const command = policyCommand(resource);
    if (command === null) continue;
    const file = `resource-policy-${files.filter((f) => f.kind === 'resource-policy').length + 1}.json`;
    lines.push(`${command.command} --output json > ${file}`);
    files.push({ file, kind: 'resource-policy', arn: command.arn });
  }
  const manifest = {
    whydenied: 'evidence',
    version: 1,
    error: errorFile === null ? null : 'error.txt',
    files,
  };
  lines.push(
    "cat > whydenied-evidence.json <<'WHYDENIED_EOF'",
    JSON.stringify(manifest, null, 2),
    'WHYDENIED_EOF',
    '# SCPs and RCPs: no AWS command prints the organization snapshot, and only the management account',
    '# (or a delegated administrator) may read them. Its administrators can write it with',
    '#   npx whydenied collect --for error.txt --out org-evidence/',
    '# then copy org-evidence/org.json here and add {"file": "org.json", "kind": "organization"} to the files above.',
  );
  return { ok: true, value: `${lines.join('\n')}\n` };
}

/** The AWS CLI command printing the resource policy of `arn`, and the ARN it governs. */
function policyCommand(arn: string): { command: string; arn: string } | null {
  const service = resourcePolicyService(arn);
  const parts = parseArn(arn);
  if (parts === undefined) return null;
  const region = parts.region === '' ? '' : ` --region ${parts.region}`;
  const { account, resource } = parts;
  switch (service) {
    case 's3': {
      const bucket = bucketOf(parts);
      return {
        command: `aws s3api get-bucket-policy --bucket ${quote(bucket)}`,
        arn: `arn:${parts.partition}:s3:::${bucket}`,
      };
    }
    case 'kms':
      return { command: `aws kms get-key-policy --key-id ${quote(arn)} --policy-name default${region}`, arn };
    case 'secretsmanager':
      return { command: `aws secretsmanager get-resource-policy --secret-id ${quote(arn)}${region}`, arn };
    case 'sns':
      return { command: `aws sns get-topic-attributes --topic-arn ${quote(arn)}${region}`, arn };
    case 'lambda':
      return {
        command: `aws lambda get-policy --function-name ${quote(functionArnOf(parts))}${region}`,
        arn,
      };
    case 'ecr':
      return {
        command: `aws ecr get-repository-policy --repository-name ${quote(resource.replace(/^repository\//, ''))} --registry-id ${account}${region}`,
        arn,
      };
    case 'sqs':
      return {
        command: `aws sqs get-queue-attributes --queue-url "$(aws sqs get-queue-url --queue-name ${quote(resource)} --queue-owner-aws-account-id ${account}${region} --query QueueUrl --output text)" --attribute-names Policy${region}`,
        arn,
      };
    default:
      return null;
  }
}

/** A single-quoted shell word. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
