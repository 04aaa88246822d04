/**
 * The MCP tools: one per command, its input as a JSON schema of text fields (never file paths), and
 * how the arguments become the command's own command line and named inputs, so that a tool answers
 * with exactly the JSON of `--format json`.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/tools
 */
import { COMPARE_LAYERS } from '@whydenied/core';
import { LINT_POLICY_KINDS } from '@whydenied/core/lint';

/** A JSON schema of a tool's input, as MCP lists it (`type: object`). */
export interface ToolInputSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

/** A command run: its arguments, the inputs it reads by name, and its standard input. */
export interface ToolRun {
  readonly argv: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  readonly stdin?: string;
}

/** One tool: its name, what it does, its input schema and the command run its arguments make. */
export interface McpTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: ToolInputSchema;
  command(args: ToolArguments): ToolRun;
}

/** Arguments checked against the tool's schema: strings, lists of strings, lists of `{arn, policy}`. */
export type ToolArguments = Readonly<
  Record<string, string | readonly string[] | readonly ResourcePolicyText[]>
>;

/** A resource-based policy given as text, with the ARN of the resource it is attached to. */
export interface ResourcePolicyText {
  readonly arn: string;
  readonly policy: string;
}

const text = (description: string) => ({ type: 'string', description });
const texts = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

/** The command line of a run: `--format json` and the given flag values, each input named. */
class RunBuilder {
  readonly argv: string[];
  readonly texts = new Map<string, string>();
  constructor(command: string) {
    this.argv = [command, '--format', 'json'];
  }
  /** An input text under `name`, given to `flag` (or as a positional argument when `flag` is null). */
  input(flag: string | null, name: string, value: string | undefined): this {
    if (value === undefined) return this;
    this.texts.set(name, value);
    this.argv.push(...(flag === null ? [name] : [flag, name]));
    return this;
  }
  /** A plain option value. */
  option(flag: string, value: string | readonly string[] | undefined): this {
    for (const v of value === undefined ? [] : typeof value === 'string' ? [value] : value)
      this.argv.push(flag, v);
    return this;
  }
  done(): ToolRun {
    return { argv: this.argv, texts: this.texts };
  }
}

const str = (args: ToolArguments, key: string) => {
  const value = args[key];
  return typeof value === 'string' ? value : undefined;
};
const list = (args: ToolArguments, key: string) => {
  const value = args[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? (value as readonly string[])
    : [];
};

/** Every tool, in the order `tools/list` gives them. */
/** The schema of resource-based policies given to a tool, each with the ARN of its resource. */
const RESOURCE_POLICIES = {
  type: 'array',
  description: 'resource-based policies (bucket, key, queue...) with the ARN of their resource',
  items: {
    type: 'object',
    properties: { arn: { type: 'string' }, policy: { type: 'string' } },
    required: ['arn', 'policy'],
    additionalProperties: false,
  },
};

/** Each resource policy as a file, passed with `--resource-policy ARN=FILE`. */
function addResourcePolicies(run: RunBuilder, args: ToolArguments): void {
  const policies = (args.resourcePolicies ?? []) as readonly ResourcePolicyText[];
  policies.forEach((p, i) => {
    const name = `resource-policy-${i + 1}.json`;
    run.texts.set(name, p.policy);
    run.argv.push('--resource-policy', `${p.arn}=${name}`);
  });
}

export const MCP_TOOLS: readonly McpTool[] = [
  {
    name: 'diagnose',
    description:
      "Explain an AWS access-denied error (AccessDenied, UnauthorizedOperation, AccessDeniedException, a CloudTrail record): what failed, who called, which policy layer denied, and, with the caller's policies, the deciding statement and the verified fix. Returns the JSON of `whydenied diagnose --format json`.",
    inputSchema: {
      type: 'object',
      properties: {
        error: text(
          'the error as pasted: CLI, SDK, Terraform or CloudFormation output, or a CloudTrail record',
        ),
        accounts: texts('`aws iam get-account-authorization-details` outputs, one per account'),
        organization: text('an organization snapshot (SCPs and RCPs)'),
        resourcePolicies: RESOURCE_POLICIES,
        decoded: text('the decoded authorization message (`aws sts decode-authorization-message` output)'),
        context: texts('request context values as KEY=VALUE (aws:RequestedRegion=eu-west-1)'),
        parameters: texts('parameters of the failed call as KEY=VALUE (subnetId=subnet-0a1b2c3d)'),
        principal: text('the caller ARN, when the error does not name it'),
        action: text('the IAM action, when the error does not name it'),
        resource: text('the resource ARN, when the error does not name it'),
        event: text('the failed CloudTrail event to read: its position, eventID or requestID'),
      },
      required: ['error'],
      additionalProperties: false,
    },
    command(args) {
      const run = new RunBuilder('diagnose').input('--error', 'error.txt', str(args, 'error'));
      list(args, 'accounts').forEach((account, i) => {
        run.input('--account', `account-${i + 1}.json`, account);
      });
      run.input('--org', 'organization.json', str(args, 'organization'));
      addResourcePolicies(run, args);
      return run
        .input('--decoded', 'decoded.json', str(args, 'decoded'))
        .option('--context', list(args, 'context'))
        .option('--param', list(args, 'parameters'))
        .option('--principal', str(args, 'principal'))
        .option('--action', str(args, 'action'))
        .option('--resource', str(args, 'resource'))
        .option('--event', str(args, 'event'))
        .done();
    },
  },
  {
    name: 'explain',
    description:
      'Explain a decoded authorization message in plain words: the decision, the action, resource and caller, and the deciding statements. Returns the JSON of `whydenied explain --format json`.',
    inputSchema: {
      type: 'object',
      properties: { decoded: text('the decoded message: its JSON, or the CLI\'s {"DecodedMessage": "..."}') },
      required: ['decoded'],
      additionalProperties: false,
    },
    command: (args) => new RunBuilder('explain').input(null, 'decoded.json', str(args, 'decoded')).done(),
  },
  {
    name: 'simulate',
    description:
      'Evaluate requests against policies as AWS does (identity, resource, permissions boundary, session, SCP, RCP): the decision, the deciding layer and a per-statement trace. Returns the JSON of `whydenied simulate --format json`.',
    inputSchema: {
      type: 'object',
      properties: {
        case: text('a simulate case: one case, an array of cases, JSON Lines, or {"requests": [...]}'),
      },
      required: ['case'],
      additionalProperties: false,
    },
    command: (args) => new RunBuilder('simulate').input('--case', 'case.json', str(args, 'case')).done(),
  },
  {
    name: 'lint',
    description:
      'Check a policy (or account details, an organization snapshot, a Terraform plan, a CloudFormation template) for what causes or hides access failures. Returns the JSON of `whydenied lint --format json`.',
    inputSchema: {
      type: 'object',
      properties: {
        policy: text('the policy document or file content to check'),
        kind: {
          type: 'string',
          enum: [...LINT_POLICY_KINDS, 'auto'],
          description: 'what kind of policy it is',
        },
      },
      required: ['policy'],
      additionalProperties: false,
    },
    // on standard input: lint looks on the disk for a directory (a cdk.out) under any name it is given
    command: (args) => {
      const { argv, texts } = new RunBuilder('lint').option('--kind', str(args, 'kind')).done();
      return { argv: [...argv, '-'], texts, stdin: str(args, 'policy') ?? '' };
    },
  },
  {
    name: 'compare',
    description:
      'What a new policy allows that the old one does not (an offline "no new access" check), and the reverse. Returns the JSON of `whydenied compare --format json`.',
    inputSchema: {
      type: 'object',
      properties: {
        old: text('the policy before the change'),
        new: text('the policy after the change'),
        layer: { type: 'string', enum: [...COMPARE_LAYERS], description: 'the layer both policies stand at' },
      },
      required: ['old', 'new'],
      additionalProperties: false,
    },
    command: (args) =>
      new RunBuilder('compare')
        .option('--layer', str(args, 'layer'))
        .input(null, 'old.json', str(args, 'old'))
        .input(null, 'new.json', str(args, 'new'))
        .done(),
  },
  {
    name: 'redact',
    description:
      'Replace account ids, ARNs, keys, tokens, addresses and e-mails in a text with consistent, well-formed stand-ins, to share a case safely. Returns the JSON of `whydenied redact --format json`.',
    inputSchema: {
      type: 'object',
      properties: { text: text('the text to redact: an error, a policy, an account file...') },
      required: ['text'],
      additionalProperties: false,
    },
    command: (args) => new RunBuilder('redact').input(null, 'input.txt', str(args, 'text')).done(),
  },
  {
    name: 'what-can',
    description:
      "Every AWS action one IAM role or user is allowed, from its account's authorization details, the organization's SCPs and RCPs and the resource-based policies given (grants they take part in are marked with the policy): per service, access level and resource type, with resource patterns, carve-outs, open conditions, deciding statements and privilege-escalation flags. Returns the JSON of `whydenied what-can --format json`.",
    inputSchema: {
      type: 'object',
      properties: {
        principal: text('the ARN of the IAM role or user (or a session of the role)'),
        accounts: texts('`aws iam get-account-authorization-details` outputs, one per account'),
        organization: text('an organization snapshot (SCPs and RCPs)'),
        resourcePolicies: RESOURCE_POLICIES,
        service: text("only this service's actions (its prefix, e.g. s3)"),
        resource: text('only access on resources this ARN pattern can name'),
        context: texts('request context values as KEY=VALUE, settling those keys'),
      },
      required: ['principal', 'accounts'],
      additionalProperties: false,
    },
    command(args) {
      const run = new RunBuilder('what-can');
      list(args, 'accounts').forEach((account, i) => {
        run.input('--account', `account-${i + 1}.json`, account);
      });
      run.input('--org', 'organization.json', str(args, 'organization'));
      addResourcePolicies(run, args);
      const { argv, texts } = run
        .option('--service', str(args, 'service'))
        .option('--resource', str(args, 'resource'))
        .option('--context', list(args, 'context'))
        .done();
      return { argv: [...argv, '--', str(args, 'principal') ?? ''], texts };
    },
  },
];

/**
 * The arguments of a call checked against the tool's schema: every required field present, no field
 * the schema does not name, each of its type; `null` with the reason otherwise.
 */
export function checkArguments(
  tool: McpTool,
  given: unknown,
): { ok: true; value: ToolArguments } | { ok: false; message: string } {
  const args = given ?? {};
  if (typeof args !== 'object' || Array.isArray(args))
    return { ok: false, message: 'the arguments are not an object' };
  const record = args as Record<string, unknown>;
  const { properties, required = [] } = tool.inputSchema;
  for (const key of required) {
    if (record[key] === undefined) return { ok: false, message: `\`${key}\` is required` };
  }
  for (const [key, value] of Object.entries(record)) {
    const schema = properties[key];
    if (schema === undefined)
      return { ok: false, message: `\`${key}\` is not an argument of \`${tool.name}\`` };
    if (!fits(schema, value))
      return { ok: false, message: `\`${key}\` is not ${String(schema.type)} as the schema says` };
  }
  return { ok: true, value: record as ToolArguments };
}

function fits(schema: Readonly<Record<string, unknown>>, value: unknown): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && (!Array.isArray(schema.enum) || schema.enum.includes(value));
    case 'array':
      return Array.isArray(value) && value.every((v) => fits(schema.items as Record<string, unknown>, v));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const properties = schema.properties as Record<string, Record<string, unknown>>;
      const required = (schema.required ?? []) as string[];
      return (
        required.every((k) => k in value) &&
        Object.entries(value).every(([k, v]) => properties[k] !== undefined && fits(properties[k], v))
      );
    }
    default:
      return false;
  }
}
