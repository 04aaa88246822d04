/**
 * The policy layers, in one place: the engine's layers in the order they are reported, and the
 * contract's, which name a role's trust policy apart from the resource policies whose slot it takes.
 * Narrower sets of layers (those a decoded message can show, those a what-if can replace) are subsets
 * of these.
 */

/**
 * The policy layers the engine evaluates, in the order in which layers are reported (spec C.2): the
 * first explicit deny, else the first layer without an allow.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export const LAYER_ORDER = [
  'rcp',
  'scp',
  'resource',
  'identity',
  'permissions-boundary',
  'session',
  'vpc-endpoint',
] as const;

/**
 * A policy layer of the evaluation logic, named as in the contract.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export type LayerName = (typeof LAYER_ORDER)[number];

/**
 * Policy layers as the contract names them (findings, fixes, the layer an error names): the engine's,
 * and `trust-policy` for a role's trust policy, which the engine evaluates as the resource policy.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
 */
export type PolicyLayer = LayerName | 'trust-policy';
