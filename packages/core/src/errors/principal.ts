import type { PrincipalInfo, PrincipalKind, PrincipalOrigin } from './failure.js';

const ACCOUNT_ID = /^\d{12}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;
const ECS_TASK_ID = /^[0-9a-f]{32}$/;
const SDK_SESSION = /^(aws-sdk-(java|js|go|dotnet|php|ruby)|botocore-session|aws-go-sdk)-\d+$/;
const SSO_ROLE_PREFIX = 'AWSReservedSSO_';

/**
 * Reads a principal as AWS errors and CloudTrail write it: an IAM or STS ARN, `anonymous`, or a
 * service principal. Redacted account fields (`''`, `XXXX`, `<REMOVED>`, `***`) are tolerated.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export function parsePrincipal(value: string): PrincipalInfo {
  if (value === 'anonymous' || value === '*') {
    return info(value, 'anonymous');
  }
  if (SERVICE_PRINCIPAL.test(value)) {
    return info(value, 'service', { name: value });
  }
  const parts = splitArn(value);
  if (parts === null) {
    return info(value, 'unknown');
  }
  const { partition, service, account: rawAccount, resource } = parts;
  const account = ACCOUNT_ID.test(rawAccount) ? rawAccount : null;
  const accountRedacted = account === null;
  const base = { partition, account, accountRedacted };
  if (service === 'iam') {
    if (resource === 'root') {
      return info(value, 'root', base);
    }
    const slash = resource.indexOf('/');
    const type = slash < 0 ? resource : resource.slice(0, slash);
    if ((type === 'user' || type === 'role') && slash >= 0) {
      const rest = resource.slice(slash + 1);
      const lastSlash = rest.lastIndexOf('/');
      const name = rest.slice(lastSlash + 1);
      const path = lastSlash < 0 ? '/' : `/${rest.slice(0, lastSlash + 1)}`;
      const origin = type === 'role' ? roleOrigin(name, path) : null;
      return info(value, type, {
        ...base,
        name,
        path,
        origin,
        permissionSet: origin === 'identity-center' ? permissionSetOf(name) : null,
      });
    }
    return info(value, 'unknown', base);
  }
  if (service === 'sts') {
    const segments = resource.split('/');
    if (segments[0] === 'assumed-role' && segments.length >= 2) {
      const roleName = segments[1] ?? '';
      // A pasted ARN may have lost its session name to redaction; it is still a role session.
      const sessionName = segments.length >= 3 ? segments.slice(2).join('/') : null;
      const origin = roleOrigin(roleName, null) ?? (sessionName === null ? null : sessionOrigin(sessionName));
      return info(value, 'assumed-role', {
        ...base,
        name: roleName,
        sessionName,
        roleArn: `arn:${partition}:iam::${rawAccount}:role/${roleName}`,
        origin,
        permissionSet: origin === 'identity-center' ? permissionSetOf(roleName) : null,
        instanceId: sessionName !== null && INSTANCE_ID.test(sessionName) ? sessionName : null,
      });
    }
    if (segments[0] === 'federated-user' && segments.length >= 2) {
      return info(value, 'federated-user', { ...base, name: segments.slice(1).join('/') });
    }
  }
  return info(value, 'unknown', base);
}

interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits `arn:partition:service:region:account:resource`; the resource keeps any further colons. */
export function splitArn(value: string): ArnParts | null {
  if (!value.startsWith('arn:')) {
    return null;
  }
  const fields: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = value.indexOf(':', start);
    if (colon < 0) {
      return null;
    }
    fields.push(value.slice(start, colon));
    start = colon + 1;
  }
  const [partition = '', service = '', region = '', account = ''] = fields;
  return { partition, service, region, account, resource: value.slice(start) };
}

function roleOrigin(roleName: string, path: string | null): PrincipalOrigin | null {
  if (roleName.startsWith(SSO_ROLE_PREFIX)) {
    return 'identity-center';
  }
  if (roleName.startsWith('AWSServiceRoleFor') || path?.startsWith('/aws-service-role/')) {
    return 'service-linked-role';
  }
  return null;
}

function sessionOrigin(sessionName: string): PrincipalOrigin | null {
  if (INSTANCE_ID.test(sessionName)) {
    return 'ec2-instance-profile';
  }
  if (sessionName === 'CognitoIdentityCredentials') {
    return 'cognito-identity';
  }
  if (sessionName.startsWith('AWSCodeBuild-')) {
    return 'codebuild';
  }
  if (ECS_TASK_ID.test(sessionName)) {
    return 'ecs-task';
  }
  if (SDK_SESSION.test(sessionName)) {
    return 'web-identity-sdk';
  }
  return null;
}

/** `AWSReservedSSO_Staging-AdministratorAccess_2760ed54e811856f` → `Staging-AdministratorAccess`. */
function permissionSetOf(roleName: string): string | null {
  const rest = roleName.slice(SSO_ROLE_PREFIX.length);
  const last = rest.lastIndexOf('_');
  return last > 0 ? rest.slice(0, last) : rest || null;
}

function info(
  arn: string,
  kind: PrincipalKind,
  fields: Partial<Omit<PrincipalInfo, 'arn' | 'kind'>> = {},
): PrincipalInfo {
  return {
    arn,
    kind,
    partition: null,
    account: null,
    accountRedacted: false,
    name: null,
    path: null,
    sessionName: null,
    roleArn: null,
    origin: null,
    permissionSet: null,
    instanceId: null,
    ...fields,
  };
}
