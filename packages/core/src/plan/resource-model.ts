/**
 * The shape of the resource-type table: for each Terraform resource type, the API calls the AWS
 * provider makes to create (and, where modelled, update) it, with their parameters taken from the
 * planned values. The checks of each call come from the call rules, never from here.
 */
import type { CallScope } from '../calls/arns.js';
import type { PlannedValues } from './plan-values.js';

/** One API call the provider makes, described as the call rules read it. */
export interface PlannedCall {
  /** IAM service prefix, e.g. `ec2`. */
  readonly service: string;
  /** API operation, e.g. `RunInstances`. */
  readonly operation: string;
  /**
   * The call's parameters in the SDKs' camelCase; a value unknown at plan time is left out, so that
   * the call rule takes it for unknown (a stand-in marked assumed), never for absent.
   */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** What the provider calls for one resource type. */
export interface ResourceCalls {
  /** The operations modelled, as `service:Operation`, for the "what is modelled" listing. */
  readonly operations: readonly string[];
  /** The provider source that makes the calls, and the AWS pages behind them. */
  readonly sources: readonly string[];
  /** The calls that create the resource. */
  create(values: PlannedValues, scope: CallScope): readonly PlannedCall[];
  /** The calls that update it in place; `undefined` when an update is not modelled. */
  update?(values: PlannedValues, scope: CallScope): readonly PlannedCall[];
}

/** The provider's source file for a resource, as cited by the table. */
export function providerSource(path: string): string {
  return `https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/${path}`;
}

/**
 * An ARN from parts, or `undefined` when a part is not known (the call rule then checks an unknown
 * resource, marked assumed). A part of `undefined` is unknown; the region and account come from the
 * scope.
 */
export function knownArn(
  scope: CallScope,
  service: string,
  shape: { readonly regional: boolean; readonly account: boolean },
  parts: readonly (string | undefined)[],
): string | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  const region = shape.regional ? scope.region : '';
  const account = shape.account ? scope.account : '';
  if (region === null || account === null) return undefined;
  return `arn:${scope.partition}:${service}:${region}:${account}:${parts.join('')}`;
}

/** `{ name: value }` without the entries whose value is `undefined`. */
export function defined(entries: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
