import { buildArn, givenArn, isArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { kmsChecks } from '../kms-checks.js';

const SM_ENCRYPTION = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html';
const SM_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html';

const OPERATIONS = ['GetSecretValue', 'CreateSecret', 'PutSecretValue', 'UpdateSecret'];

/**
 * Secrets Manager with a customer managed key: the action on the secret, and the KMS actions
 * Secrets Manager makes with the caller's permissions: `kms:Decrypt` to read a value,
 * `kms:GenerateDataKey` and `kms:Decrypt` to write one, with `kms:ViaService` and the
 * `SecretARN` encryption context.
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 */
export const secretsmanagerKms: CallRule = {
  id: 'secretsmanager-kms',
  service: 'secretsmanager',
  operations: OPERATIONS,
  sources: [SM_ENCRYPTION, SM_SAR],
  parameters: [
    'name',
    'secretId',
    'kmsKeyId',
    'secretKmsKeyId',
    'secretString',
    'secretBinary',
    'versionStage',
    'tags.*',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation =
      OPERATIONS.find((op) => op.toLowerCase() === call.operation.toLowerCase()) ?? 'GetSecretValue';
    const create = operation === 'CreateSecret';
    const id = create ? parameters.string('name') : parameters.string('secretId');
    const secret =
      id !== undefined && isArn(id)
        ? givenArn(id)
        : buildArn(scope, 'secretsmanager', { regional: true, account: true }, [
            'secret:',
            { id, what: 'secret name' },
            '-',
            { id: undefined, what: 'six-character suffix Secrets Manager appends to the name' },
          ]);
    const keyInCall = create || operation === 'UpdateSecret' ? parameters.string('kmsKeyId') : undefined;
    const key = keyInCall ?? parameters.string('secretKmsKeyId');
    const writesValue =
      create || operation === 'PutSecretValue' || operation === 'UpdateSecret'
        ? parameters.has('secretString') || parameters.has('secretBinary') || operation === 'PutSecretValue'
        : false;
    const checks: CallCheck[] = [
      makeCheck({
        action: `secretsmanager:${operation}`,
        resource: secret,
        resourceType: 'Secret',
        context: {
          ...regionContext(scope),
          'secretsmanager:SecretId': create ? undefined : id,
          'secretsmanager:Name': create ? id : undefined,
          'secretsmanager:KmsKeyId': keyInCall,
          'secretsmanager:VersionStage':
            operation === 'GetSecretValue' ? parameters.string('versionStage') : undefined,
          ...(create ? requestTagContext(parameters.tags('tags')) : {}),
        },
        why: create ? 'the secret being created' : 'the secret the call reads or writes',
        source: SM_SAR,
      }),
    ];
    const actions =
      operation === 'GetSecretValue'
        ? ['kms:Decrypt']
        : writesValue
          ? ['kms:GenerateDataKey', 'kms:Decrypt']
          : [];
    if (actions.length > 0) {
      checks.push(
        ...kmsChecks(
          scope,
          {
            key,
            actions,
            viaService: 'secretsmanager',
            encryptionContext: { SecretARN: secret.arn },
            ...(key === undefined
              ? {
                  checkAssumed:
                    'made on a customer managed key; with the AWS managed `aws/secretsmanager` key its key policy allows it',
                }
              : {}),
            why:
              operation === 'GetSecretValue'
                ? "Secrets Manager decrypts the secret's data key with the caller's permissions"
                : "Secrets Manager asks KMS for a data key to encrypt the new value, with the caller's permissions",
            source: SM_ENCRYPTION,
          },
          notes,
        ),
      );
    }
    return checks;
  },
};
