/**
 * Terraform's several errors of one run, pasted together: each is its own AWS answer to its own call, and one reading
 * takes all its fields from one of them (read over the whole paste, the first error's code went with the second's
 * denial sentence: `* aws_vpc.main: Error creating VPC: UnauthorizedOperation: …` above `* aws_launch_configuration.ecs:
 * Error creating launch configuration: AccessDenied: User: … is not authorized to perform:
 * autoscaling:CreateLaunchConfiguration`, hashicorp/terraform#4142).
 *
 * Two shapes: Terraform 0.11's list under `N error(s) occurred:` (`* aws_vpc.main: …`, one item an error), and later
 * versions' `Error: ` blocks (framed, `│ Error: `, since 0.15), each naming its configuration (`on main.tf line 3`,
 * `with aws_vpc.main,`).
 * https://developer.hashicorp.com/terraform/language/v1.1.x/upgrade-guides/0-15#terraform-cli-output-changes
 */
export interface SeveralErrors {
  /** The lines before the first error (the command, `Error applying plan:`), read with each error. */
  readonly preamble: string;
  /** Each error's lines, in the paste's order. */
  readonly items: readonly string[];
  /**
   * Whether the errors are one call's answers (S3's DeleteResult, one entry a key): then its first denial is the one to
   * explain, where the errors of several calls are explained from the first.
   */
  readonly oneCall: boolean;
}

/** The longest paste split into its errors: a longer one (a whole log) is read whole, as before. */
const LONGEST = 256 * 1024;

/**
 * What a paste may put before each line of an error: a Markdown quote's or a comment's marker, a collector's time stamp,
 * a terminal's colour (the lines are read with it; only where each error starts is looked for here).
 */
const LEAD = String.raw`(?:[ \t]*(?:>|#|\/\/)[ \t]?|\d{4}-\d\d-\d\dT[\d:.]{8,18}Z[ \t]+|\u001b\[[0-9;]{0,12}m)*[ \t]*`;

/** Terraform 0.11's item: `* aws_vpc.main: `, `* module.vpc.aws_subnet.private[1]: `, `* data.aws_ami.x: `. */
const LIST_ITEM = new RegExp(
  String.raw`^${LEAD}\* (?:module\.[\w-]{1,100}(?:\[[^\]\n]{0,100}\])?\.){0,10}(?:data\.)?aws_\w{1,100}\.[\w-]{1,200}(?:\[[^\]\n]{0,100}\])?: `,
  'gm',
);

/** A later version's block: `Error: ` at a line's start, perhaps inside its frame. */
const BLOCK = new RegExp(String.raw`^${LEAD}(?:│[ \t]*)?Error: `, 'gm');

/** What names a block's configuration, the mark of Terraform's blocks (not another tool's `Error:` lines). */
const CONFIGURATION = new RegExp(
  String.raw`(?:^|\n)${LEAD}(?:│[ \t]*)?(?:on [^\n]{1,300}\.tf(?:\.json)? line \d|with (?:module\.|data\.)?aws_\w)`,
);

/**
 * The lines of a client's own envelope of an AWS answer: the AWS CLI's and boto3's `An error occurred (X) when calling
 * the Y operation`, the Go SDK v2's `operation error S3: PutObject, …` (a log line's start before it is the line's).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html
 */
// (the Go SDK's envelope perhaps glued to a logger's word before it: `unable to list task definitionserroroperation error
// ECS: …`, ekristen/aws-nuke#609)
const ENVELOPE_LINE = /^[^\n]*?(?:An error occurred \(|operation error [A-Za-z0-9 ]{2,40}: [A-Z])/gm;

/**
 * An entry of S3's DeleteObjects answer: a `<DeleteResult>` answers one call with an `<Error>` per key it did not delete
 * (`<Key>`, `<Code>`, `<Message>`), perhaps after `<Deleted>` entries.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
const DELETE_RESULT_ERROR = /<Error>/g;

/** The paste's errors where it holds two or more of Terraform's, of a client's envelopes or of S3's DeleteResult. */
export function severalErrors(text: string): SeveralErrors | null {
  if (text.length > LONGEST) return null;
  const terraform = severalTerraformErrors(text);
  if (terraform !== null) return terraform;
  if (text.includes('<DeleteResult')) return split(text, starts(text, DELETE_RESULT_ERROR), true);
  if (!(text.includes('An error occurred (') || text.includes('operation error '))) return null;
  return split(text, starts(text, ENVELOPE_LINE), false);
}

/** The paste cut where each error starts, where two or more do. */
function split(text: string, at: readonly number[], oneCall: boolean): SeveralErrors | null {
  if (at.length < 2) return null;
  return {
    preamble: text.slice(0, at[0]),
    items: at.map((start, i) => text.slice(start, at[i + 1] ?? text.length)),
    oneCall,
  };
}

/** The paste's errors where it holds two or more of Terraform's, else null. */
function severalTerraformErrors(text: string): SeveralErrors | null {
  if (!(text.includes('* ') || text.includes('Error: '))) return null;
  let at = starts(text, LIST_ITEM);
  if (at.length < 2 && CONFIGURATION.test(text)) {
    // (a block ends where its configuration has been named: an `Error: ` line before that is its message's own)
    at = [];
    for (const start of starts(text, BLOCK)) {
      const last = at[at.length - 1];
      if (last === undefined || CONFIGURATION.test(text.slice(last, start))) at.push(start);
    }
  }
  return split(text, at, false);
}

function starts(text: string, pattern: RegExp): number[] {
  pattern.lastIndex = 0;
  const found: number[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.push(m.index);
  return found;
}
