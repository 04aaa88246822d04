import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LintPolicyKind } from '../lint-rule.js';

/** Which policy of a file a finding is about, when the file holds several. */
export interface PolicyRef {
  /**
   * The policy's name among the file's others: `role/deploy/EC2Launch` (an inline policy),
   * `role/deploy (trust policy)`, `policy/Boundary`, `scp/RegionGuard`, or the IaC resource and the
   * attribute that holds it (`aws_iam_role.deploy assume_role_policy`).
   */
  readonly name: string;
  /** The kind the policy was linted as. */
  readonly kind: LintPolicyKind;
  /** The infrastructure-as-code resource that holds it: a Terraform address or a template's logical id. */
  readonly resource?: string;
}

/** One policy found in a file, where it is, and how to lint it. */
export interface PolicyPlace extends PolicyRef {
  /** JSON pointer, in the file, of the document or of the string that holds it. */
  readonly pointer: string;
  /** The document, still raw; a string when `embedded`. */
  readonly document: unknown;
  /** True when the document is written in a string (JSON text or URL-encoded JSON). */
  readonly embedded: boolean;
  /** Pointers, in the document, of values that stand in for what is known only at deploy time. */
  readonly placeholders: readonly string[];
}

/** A note about a policy that could not be read (its `path` is `''`: there is no document). */
export interface PolicyNote extends Diagnostic {
  readonly policy?: PolicyRef;
  /** JSON pointer, in the file, of what the note is about. */
  readonly pointer: string;
}

/** The policies of one file, and notes about those that could not be read. */
export interface PolicyPlaces {
  readonly places: readonly PolicyPlace[];
  readonly notes: readonly PolicyNote[];
}
