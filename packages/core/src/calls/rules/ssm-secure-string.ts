import { type BuiltArn, buildArn, type CallScope, givenArn, isArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { kmsChecks } from '../kms-checks.js';

const SSM_KMS = 'https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html';
const SSM_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html';

function parameterArn(scope: CallScope, name: string | undefined): BuiltArn {
  if (name !== undefined && isArn(name)) return givenArn(name);
  return buildArn(scope, 'ssm', { regional: true, account: true }, [
    'parameter/',
    { id: name?.replace(/^\/+/, ''), what: 'parameter name' },
  ]);
}

const OPERATIONS = ['GetParameter', 'GetParameters', 'GetParametersByPath', 'PutParameter'];

/**
 * Parameter Store `SecureString` parameters with a customer managed key: the SSM action on each
 * parameter, and `kms:Decrypt` to read with decryption; writing calls `kms:Encrypt` for a standard
 * parameter and `kms:GenerateDataKey` for an advanced one, with `kms:ViaService` and the
 * `PARAMETER_ARN` encryption context.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html
 */
export const ssmSecureString: CallRule = {
  id: 'ssm-secure-string',
  service: 'ssm',
  operations: OPERATIONS,
  sources: [SSM_KMS, SSM_SAR],
  parameters: [
    'name',
    'names',
    'path',
    'type',
    'keyId',
    'parameterKeyId',
    'withDecryption',
    'tier',
    'overwrite',
    'tags.*',
    'value',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation =
      OPERATIONS.find((op) => op.toLowerCase() === call.operation.toLowerCase()) ?? 'GetParameter';
    const names =
      operation === 'GetParameters'
        ? (parameters.strings('names') ?? [undefined])
        : [parameters.string(operation === 'GetParametersByPath' ? 'path' : 'name')];
    const type = parameters.string('type');
    const key =
      (operation === 'PutParameter' ? parameters.string('keyId') : undefined) ??
      parameters.string('parameterKeyId');
    const decrypt = operation !== 'PutParameter' && parameters.boolean('withDecryption') === true;
    const tier = operation === 'PutParameter' ? parameters.string('tier') : undefined;
    const checks: CallCheck[] = [];
    for (const name of names) {
      const resource = parameterArn(scope, name);
      checks.push(
        makeCheck({
          action: `ssm:${operation}`,
          resource,
          resourceType: 'parameter',
          context: {
            ...regionContext(scope),
            ...(operation === 'PutParameter'
              ? {
                  'ssm:Overwrite':
                    parameters.boolean('overwrite') === undefined
                      ? undefined
                      : String(parameters.boolean('overwrite')),
                  ...requestTagContext(parameters.tags('tags')),
                }
              : {}),
          },
          why: operation === 'PutParameter' ? 'the parameter being written' : 'the parameter being read',
          source: SSM_SAR,
        }),
      );
      const secure = type === 'SecureString';
      const typeAssumed = type === undefined ? 'made only if the parameter is a `SecureString`' : undefined;
      if ((decrypt && (secure || type === undefined)) || (operation === 'PutParameter' && secure)) {
        const action =
          operation !== 'PutParameter'
            ? 'kms:Decrypt'
            : tier === 'Advanced'
              ? 'kms:GenerateDataKey'
              : 'kms:Encrypt';
        const tierAssumed =
          operation === 'PutParameter' && tier === undefined
            ? 'the tier is not given; a standard parameter is assumed (advanced ones use `kms:GenerateDataKey`)'
            : undefined;
        const assumed = typeAssumed ?? tierAssumed;
        checks.push(
          ...kmsChecks(
            scope,
            {
              key,
              actions: [action],
              viaService: 'ssm',
              encryptionContext: { PARAMETER_ARN: resource.arn },
              ...(assumed === undefined ? {} : { checkAssumed: assumed }),
              why:
                action === 'kms:Decrypt'
                  ? "Parameter Store asks KMS to decrypt the value with the caller's permissions"
                  : "Parameter Store asks KMS to encrypt the value with the caller's permissions",
              source: SSM_KMS,
            },
            notes,
          ),
        );
      }
    }
    if (key === undefined && checks.some((c) => c.action.startsWith('kms:'))) {
      notes.push({
        code: 'kms-key-unknown',
        message:
          'with the AWS managed key `aws/ssm` its key policy allows these checks for principals of the account',
        source: SSM_KMS,
      });
    }
    parameters.has('value');
    return checks;
  },
};
