import { serviceFromSdkName } from '../catalog/service-names.js';

/**
 * A call a tool's step may have made, proposed from the step's words: the catalog decides whether the
 * service has it (see `refineWithCatalog`); the text alone never makes it the operation.
 */
export interface StepCall {
  readonly service: string;
  readonly operation: string;
}

/**
 * The Terraform AWS provider names a failed step by its verb, the service's name and the resource's name
 * (`creating SNS Topic (alerts): …`, `error deleting ECR Repository (app): …`), and names most resources
 * after the API's noun: `Create` + `Topic` is SNS's `CreateTopic`. Proposed here in order: the verb with the
 * resource's words, then with the service's words too (`Auto Scaling Group` is `CreateAutoScalingGroup`);
 * `updating` as `Update`, `Modify` or `Put`, `reading` as `Get` or `Describe`, `putting` as `Put`. A step whose resource the API names otherwise (`SSM Parameter`
 * is created by `PutParameter`) proposes nothing the catalog has, and so stays unknown.
 * @see https://hashicorp.github.io/terraform-provider-aws/error-handling
 */
export function stepCalls(text: string): readonly StepCall[] {
  // the short literals first: the pattern alone is tried at every word boundary of a large input
  if (!['reating ', 'eleting ', 'pdating ', 'eading ', 'utting '].some((verb) => text.includes(verb)))
    return [];
  const step = STEP.exec(text);
  if (step === null) return [];
  const verbs = VERBS[(step[1] ?? '').toLowerCase()] ?? [];
  const words = (step[2] ?? '').split(/\s+/);
  // the service's name is the longest run of leading words the SDK names know (`Secrets Manager`, `Route 53`)
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const service = serviceFromSdkName(words.slice(0, k).join(''));
    if (service === null) continue;
    const noun = words.slice(k).join('');
    const withService = words.join('');
    return verbs.flatMap((verb) => [
      { service, operation: `${verb}${noun}` },
      ...(/^[A-Za-z]+$/.test(words.slice(0, k).join(''))
        ? [{ service, operation: `${verb}${withService}` }]
        : []),
    ]);
  }
  return [];
}

/** A step's verb and capitalised words (at most eight), before the resource's id in parentheses or a colon. */
const STEP =
  /\b([Cc]reating|[Dd]eleting|[Uu]pdating|[Rr]eading|[Pp]utting) ((?:[A-Z][A-Za-z0-9]{0,30} ){1,7}?[A-Z][A-Za-z0-9]{0,30})(?: \(|:)/;

const VERBS: Readonly<Record<string, readonly string[]>> = {
  creating: ['Create'],
  deleting: ['Delete'],
  updating: ['Update', 'Modify', 'Put'],
  reading: ['Get', 'Describe'],
  putting: ['Put'],
};
