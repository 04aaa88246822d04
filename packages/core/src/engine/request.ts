/**
 * A request context value: a string for a single-valued key, a list for a multivalued key.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export type ContextValue = string | readonly string[];

/**
 * One request to authorize: who (`principal`), what (`action`), on what (`resource`), and the
 * request context keys.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export interface AuthorizationRequest {
  /**
   * The caller: an IAM user, role, assumed-role session, federated-user or root ARN; a service
   * principal (`ec2.amazonaws.com`); a federated identity provider (SAML/OIDC provider ARN or a
   * web identity provider name); a canonical user id; or `anonymous`.
   */
  readonly principal: string;
  /** `service:Action`, compared case-insensitively. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  readonly resource: string;
  /** Context keys (names are case-insensitive); these override the keys derived from the principal. */
  readonly context: Readonly<Record<string, ContextValue>>;
  /**
   * For a session: the ARN of the role (or, for a federated user, of the IAM user) behind it. Derived
   * from an assumed-role ARN when omitted; give it when the role has a path.
   */
  readonly sessionIssuer?: string;
}

/**
 * The value a request's context gives `key`, whose name is compared case-insensitively as AWS compares
 * condition key names; `undefined` when the context does not give it.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export function contextValueOf(
  context: Readonly<Record<string, ContextValue>>,
  key: string,
): ContextValue | undefined {
  const exact = context[key];
  if (exact !== undefined) return exact;
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) if (name.toLowerCase() === lower) return value;
  return undefined;
}
