import { namedArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import type { ParameterReader } from '../parameters.js';
import { passRoleCheck } from '../pass-role.js';

const GLUE_ROLE = 'https://docs.aws.amazon.com/glue/latest/dg/configure-iam-for-glue.html';
const GLUE_SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsglue.html';

/** Per operation: the resource type and ARN prefix (`null`: no resource-level permissions), and where the role is. */
const OPERATIONS: Readonly<
  Record<
    string,
    {
      type: string | null;
      prefix: string;
      name: string;
      role: (p: ParameterReader) => string | undefined;
      create: boolean;
    }
  >
> = {
  CreateJob: { type: 'job', prefix: 'job/', name: 'name', role: (p) => p.string('role'), create: true },
  UpdateJob: {
    type: 'job',
    prefix: 'job/',
    name: 'jobName',
    role: (p) => p.object('jobUpdate')?.string('role'),
    create: false,
  },
  CreateCrawler: { type: null, prefix: '', name: 'name', role: (p) => p.string('role'), create: true },
  UpdateCrawler: {
    type: 'crawler',
    prefix: 'crawler/',
    name: 'name',
    role: (p) => p.string('role'),
    create: false,
  },
  CreateSession: {
    type: 'session',
    prefix: 'session/',
    name: 'id',
    role: (p) => p.string('role'),
    create: true,
  },
};

/**
 * Glue jobs, crawlers and sessions: the action on the resource, and `iam:PassRole` on the role
 * the job or crawler runs as (`glue.amazonaws.com`).
 * @see https://docs.aws.amazon.com/glue/latest/dg/configure-iam-for-glue.html
 */
export const glueJobRole: CallRule = {
  id: 'glue-job-role',
  service: 'glue',
  operations: Object.keys(OPERATIONS),
  passesRoleTo: 'glue.amazonaws.com',
  sources: [GLUE_ROLE, GLUE_SAR],
  parameters: ['name', 'jobName', 'id', 'role', 'jobUpdate.role', 'tags.*'],
  expand({ call, scope, parameters, notes }) {
    const operation =
      Object.keys(OPERATIONS).find((op) => op.toLowerCase() === call.operation.toLowerCase()) ?? 'CreateJob';
    const shape = OPERATIONS[operation] ?? {
      type: null,
      prefix: '',
      name: 'name',
      role: () => undefined,
      create: false,
    };
    const name = parameters.string(shape.name);
    const role = shape.role(parameters);
    const checks: CallCheck[] = [
      makeCheck({
        action: `glue:${operation}`,
        resource:
          shape.type === null ? '*' : namedArn(scope, 'glue', shape.prefix, name, `${shape.type} name`),
        resourceType: shape.type,
        context: {
          ...regionContext(scope),
          ...(shape.create ? requestTagContext(parameters.tags('tags')) : {}),
        },
        why:
          shape.type === null
            ? `\`glue:${operation}\` has no resource-level permissions, so it is checked on \`*\``
            : `the ${shape.type} the call writes`,
        source: GLUE_SAR,
      }),
    ];
    if (role !== undefined || shape.create) {
      checks.push(
        passRoleCheck(
          scope,
          {
            role,
            service: 'glue.amazonaws.com',
            purpose: `${shape.type ?? 'crawler'} role`,
            source: GLUE_ROLE,
          },
          notes,
        ),
      );
    }
    return checks;
  },
};
