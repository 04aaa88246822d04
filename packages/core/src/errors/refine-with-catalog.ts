import type { Catalog } from '../catalog/catalog.js';
import { servicesForOperation } from '../catalog/operations.js';
import type { ErrorReading } from './failure.js';
import { serviceOfCode, serviceOfCodeAmong } from './read-error.js';

/**
 * Completes a reading with the service catalog where the text and the curated operation table fall
 * short: an operation whose service is unknown is looked up among every service's actions (most
 * operations are authorised as the action of the same name), and resolved when exactly one service
 * has it, or exactly one of those matches the service the text hints at or its error code tells; where the text names no
 * operation, the first call a tool's step proposes that the catalog has.
 */
export async function refineWithCatalog(reading: ErrorReading, catalog: Catalog): Promise<ErrorReading> {
  const { failure } = reading;
  if (failure.operation === null && failure.action === null) {
    return confirmStepCall(reading, catalog);
  }
  if (failure.action !== null) {
    return withActionAsNamed(reading, catalog);
  }
  if (failure.operation === null) {
    return reading;
  }
  const services = await catalog.servicesWithAction(failure.operation);
  const named = failure.service === null ? services : services.filter((s) => s === failure.service);
  // (several services have it: the one whose code answered, if the code tells)
  const coded = named.length > 1 ? serviceOfCodeAmong(failure.code, named) : null;
  const candidates = coded === null ? named : [coded];
  const [service] = candidates;
  if (candidates.length !== 1 || service === undefined) {
    return reading;
  }
  const action = await catalog.actionForOperation(service, failure.operation);
  if (action === null) {
    return reading;
  }
  return inferred(
    reading,
    { ...failure, service, action: `${service}:${action.name}` },
    reading.operationSource,
  );
}

/**
 * The action in the catalog's spelling: IAM matches action names in any case, and a message may write one
 * lower-case (`not authorized to perform: sqs:sendmessage`); the name as written stays in `actionAsWritten`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
async function withActionAsNamed(reading: ErrorReading, catalog: Catalog): Promise<ErrorReading> {
  const written = reading.failure.action;
  if (written === null || written.includes('*')) return reading;
  const known = await catalog.action(written);
  // an action a paste glued the next word onto (`perform: tag:GetTagValuesTotal chart`, the client naming GetTagValues:
  // aws-samples/aws-cost-explorer-report#29): the operation's action, where the catalog has that one only
  const operation = reading.failure.operation;
  const prefix = written.slice(0, written.indexOf(':'));
  if (known === null && operation !== null && written.startsWith(`${prefix}:${operation}`)) {
    const named = await catalog.action(`${prefix}:${operation}`);
    if (named !== null)
      return { ...reading, failure: { ...reading.failure, action: `${prefix}:${named.name}` } };
  }
  // an action inferred from the operation under a service the code implied that has no such action (`(UnauthorizedOperation)
  // when calling the RestoreFromClusterSnapshot operation`, EC2's code in Redshift's answer: aws/redshift-test-drive#120):
  // the one service whose API has the operation
  if (known === null && operation !== null && reading.actionSource === 'operation') {
    const services = await catalog.servicesWithAction(operation);
    const [service] = services;
    const action =
      services.length === 1 && service !== undefined
        ? await catalog.actionForOperation(service, operation)
        : null;
    if (service !== undefined && action !== null)
      return { ...reading, failure: { ...reading.failure, service, action: `${service}:${action.name}` } };
    // (several other services have it, this one not: no action is better than one IAM has not, `ec2:CreateCluster` from
    // eksctl's `failed to create cluster` under EC2's VpcLimitExceeded, kubeflow/website's AWS troubleshooting page)
    // (only where the operation is a phrase's, not one the client named with its service: `operation error SSO:
    // ListAccounts` is the portal's call whatever IAM's catalog lists)
    if (services.length > 1 && reading.operationSource === 'phrase' && (await catalog.hasService(prefix)))
      return withoutAction(
        reading,
        `${prefix} has no action ${operation}, and several other services have one: the call's service is not known`,
      );
  }
  // an operation IAM authorizes with no action of its own (SSO OIDC's RegisterClient, `operation error SSO OIDC:
  // RegisterClient`: synfinatic/aws-sso-cli#1359): no action, where the catalog has the service and no service the action
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenteroidcservice.html
  if (
    known === null &&
    operation !== null &&
    reading.actionSource === 'operation' &&
    (await catalog.hasService(prefix)) &&
    (await catalog.servicesWithAction(operation)).length === 0
  )
    return withoutAction(
      reading,
      `the catalog has no IAM action for ${operation}: the call is not authorized by an IAM policy`,
    );
  const named = known === null ? null : `${written.slice(0, written.indexOf(':'))}:${known.name}`;
  return named === null || named === written
    ? reading
    : { ...reading, failure: { ...reading.failure, action: named } };
}

/**
 * The first call a tool's step proposes (`creating SNS Topic` → `CreateTopic`) that the service's catalog
 * has as an action: the step's operation, inferred.
 */
async function confirmStepCall(reading: ErrorReading, catalog: Catalog): Promise<ErrorReading> {
  for (const call of reading.stepCalls) {
    if (call.ofAnswering === true && reading.failure.service === null) continue;
    // (or, where no service has an action of the operation's name, the services the curated table authorizes it under
    // another's: `unable to create multipart upload` is S3's CreateMultipartUpload, authorized as s3:PutObject,
    // transloadit/uppy#2270)
    const withAction =
      call.service === null ? await catalog.servicesWithAction(call.operation) : [call.service];
    const having = withAction.length > 0 ? withAction : servicesForOperation(call.operation);
    // a step without a service is a call of the service the answer came from, where the text tells it (S3's host
    // ID, an SDK's service name, a code only one service uses): `error putting object` is S3's PutObject, not
    // MediaStore's; `error getting volume info` under EC2's UnauthorizedOperation, or its code of an unknown volume
    // (`InvalidVolume.NotFound`: openshift/oadp-operator#106), is no other service's GetVolume
    const answering = reading.failure.service ?? serviceOfCode(reading.failure.code);
    // (S3's codes: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList)
    if (
      call.ifAnswering === true &&
      ((answering !== null && answering !== call.service) || /Exception$/.test(reading.failure.code ?? ''))
    )
      continue;
    const services =
      call.service === null && answering !== null ? having.filter((s) => s === answering) : having;
    const [service] = services;
    // (a longer name that several services have is the step, whose service is unknown: never a shorter name only
    // one service has, `failed to get bucket policy from bucket` is S3's or S3 on Outposts' GetBucketPolicy, no
    // Outposts' GetBucket)
    if (services.length > 1) break;
    if (service === undefined) continue;
    const action = await catalog.actionForOperation(service, call.operation);
    if (action !== null) {
      const failure = {
        ...reading.failure,
        // the API's own spelling where the action is the operation's (`CreateNodegroup` for `Node Group`)
        operation: action.name.toLowerCase() === call.operation.toLowerCase() ? action.name : call.operation,
        service,
        action: `${service}:${action.name}`,
      };
      return inferred(reading, failure, 'phrase');
    }
  }
  return reading;
}

/** The reading without the action it inferred, and why no action is named. */
function withoutAction(reading: ErrorReading, message: string): ErrorReading {
  return {
    ...reading,
    failure: { ...reading.failure, action: null },
    actionSource: null,
    unknowns: reading.unknowns
      .filter((u) => u.code !== 'action-inferred')
      .concat([{ code: 'action-not-named', message }]),
  };
}

/** The reading with an action inferred from an operation, its unknowns updated. */
function inferred(
  reading: ErrorReading,
  failure: ErrorReading['failure'],
  operationSource: ErrorReading['operationSource'],
): ErrorReading {
  return {
    ...reading,
    failure,
    actionSource: 'operation',
    operationSource,
    unknowns: reading.unknowns
      .filter((u) => u.code !== 'action-not-named' && u.code !== 'operation-unknown')
      .concat(
        reading.unknowns.some((u) => u.code === 'action-inferred')
          ? []
          : [
              {
                code: 'action-inferred',
                message: 'the IAM action is inferred from the operation or the wording, not stated by AWS',
              },
            ],
      ),
  };
}
