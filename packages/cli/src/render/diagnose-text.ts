import {
  type Diagnosis,
  type InputKind,
  KIND_HEADLINE,
  LAYER_NAME,
  OWNER,
  type PrincipalInfo,
  requestContextLine,
} from '@whydenied/core';
import type { Style } from './style.js';

/** How the text view names things only the CLI knows. */
export interface DiagnosisTextOptions {
  /** How the user runs whydenied (`whydenied`, `npx whydenied`), for the commands of its own shown. */
  readonly invocation?: string;
  /** The directory each fix's document was written to, under the file its command names (`--write-fixes`). */
  readonly fixesWrittenTo?: string;
}

/** Renders a diagnosis for a person reading a terminal: what failed, who, which layer, what is unknown, what next. */
export function renderDiagnosisText(d: Diagnosis, s: Style, options: DiagnosisTextOptions = {}): string {
  const whydenied = options.invocation ?? 'whydenied';
  const out: string[] = [];
  const f = d.failure;
  out.push(
    s.bold(d.kind === 'authorization' ? s.red(KIND_HEADLINE[d.kind]) : s.yellow(KIND_HEADLINE[d.kind])),
  );
  out.push('');
  const rows: [string, string | null][] = [
    ['action', f.action === null ? null : `${f.action}${actionNote(d)}`],
    [
      'operation',
      f.operation === null ? null : `${f.operation}${f.service === null ? '' : ` (${f.service})`}`,
    ],
    ['caller', f.principal],
    ['', d.details.principalInfo === null ? null : describePrincipal(d.details.principalInfo)],
    ['resource', f.resource],
    ['blamed', blamed(d)],
    ['policy', f.policyArn],
    ['code', codeLine(d)],
    ['request', requestLine(d)],
  ];
  for (const [label, value] of rows) {
    if (value !== null && value !== '') {
      out.push(`  ${s.dim(label.padEnd(10))}${value}`);
    }
  }
  renderEvaluation(d, s, out, whydenied, options.fixesWrittenTo);
  renderSuggested(d, s, out);
  if (d.unknowns.length > 0) {
    out.push('', s.bold('Still unknown'));
    for (const u of d.unknowns) {
      out.push(`  - ${u.message}`);
    }
  }
  if (d.nextSteps.length > 0) {
    out.push('', s.bold('Next steps'));
    d.nextSteps.forEach((step, i) => {
      out.push(`  ${i + 1}. ${step.message}`);
      if (step.command !== undefined) {
        out.push(`     ${s.cyan(`$ ${step.command}`)}`);
      }
      if (step.evidence !== undefined) out.push(`     ${givenWith(step.evidence, whydenied)}`);
    });
  }
  if (d.details.otherFailures > 0) {
    const pick =
      d.details.cloudTrail === null
        ? 'this is the first'
        : 'pick another with `--event` (its eventID, requestID or position)';
    out.push('', s.dim(`${d.details.otherFailures} more failure(s) in the input; ${pick}`));
  }
  return `${out.join('\n')}\n`;
}

/** Findings, fixes and missing evidence, when policies were given. */
function renderEvaluation(
  d: Diagnosis,
  s: Style,
  out: string[],
  whydenied: string,
  fixesWrittenTo: string | undefined,
): void {
  if (d.findings.length > 0) {
    out.push('', s.bold('What the policies say'));
    d.findings.forEach((f, i) => {
      const type = f.decision === 'ExplicitDeny' ? 'explicit deny' : 'no allow';
      const why = f.builtIn?.effect === 'deny' ? 'refused by AWS' : `${type} in the ${LAYER_NAME[f.layer]}`;
      out.push(`  ${i + 1}. ${f.action} on ${f.resource}: ${why}${findingNote(f, i, s)}`);
      if (f.builtIn?.effect === 'deny') {
        out.push(`     no policy decides it: ${f.builtIn.explanation}`);
      } else if (f.policy !== null) {
        out.push(
          `     statement ${f.sid === null ? `#${f.statementIndex}` : `\`${f.sid}\``} of \`${f.policy}\``,
        );
      } else {
        out.push('     no statement of this layer allows it');
      }
      for (const c of f.decision === 'ExplicitDeny' ? f.conditions : f.failedConditions) {
        const actual = c.actual === null ? 'absent' : c.actual.map((v) => `\`${v}\``).join(', ');
        out.push(
          `     ${c.operator} ${c.key}: policy ${c.expected.map((v) => `\`${v}\``).join(', ')}, request ${actual}`,
        );
      }
    });
  }
  if (d.remedies.length > 0) {
    out.push('', s.bold('First: make the call as the policy allows'));
    const byRemedy = new Map<string, number[]>();
    for (const r of d.remedies) byRemedy.set(r.message, [...(byRemedy.get(r.message) ?? []), r.finding + 1]);
    for (const [message, numbers] of byRemedy) {
      out.push(`  - finding${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}: ${message}`);
    }
  }
  if (d.fixes.length > 0) {
    out.push('', s.bold('Fixes (verified with the engine before shown)'));
    d.fixes.forEach((fix, i) => {
      const who = OWNER[fix.owner] ?? fix.owner;
      const what = fix.proposal ? `proposal for ${who} to decide` : `for ${who}`;
      out.push(
        `  ${i + 1}. change \`${fix.policyName}\` (${LAYER_NAME[fix.layer]}) of ${fix.target}: ${what}`,
      );
      const { beyond, beyondCount } = fix.verification;
      if (beyondCount > 0) {
        const rows = beyond.slice(0, 5).map((r) => `${r.action} on ${r.resource}`);
        const more = beyondCount > rows.length ? ` and ${beyondCount - rows.length} more` : '';
        out.push(s.yellow(`     beyond the failed checks it allows: ${rows.join('; ')}${more}`));
      }
      if (fix.verification.widened.length > 0) {
        out.push(s.yellow(`     it would also let through: ${fix.verification.widened.join('; ')}`));
      }
      for (const line of fix.diff.split('\n').slice(2)) {
        if (line === '') continue;
        const colour = line.startsWith('+') ? s.green : line.startsWith('-') ? s.red : s.dim;
        out.push(`     ${colour(line)}`);
      }
      out.push(
        `     ${s.dim(`the complete new document${fixesWrittenTo === undefined ? ` (${fix.file})` : `, written to ${fixesWrittenTo.replace(/\/+$/, '')}/${fix.file}`}:`)}`,
      );
      for (const line of JSON.stringify(fix.document, null, 2).split('\n')) out.push(`       ${line}`);
      out.push(`     ${s.cyan(`$ ${fix.command}`)}`);
    });
  }
  const byMessage = new Map<string, number[]>();
  for (const none of d.noFix) {
    // core says "supply it as request context"; on the command line that is `--context KEY=VALUE`
    const message =
      none.code === 'context-unknown' ? `${none.message} (\`--context KEY=VALUE\`)` : none.message;
    byMessage.set(message, [...(byMessage.get(message) ?? []), none.finding + 1]);
  }
  if (byMessage.size > 0) {
    out.push('', s.bold('No fix shown'));
    for (const [message, numbers] of byMessage) {
      out.push(`  - finding${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}: ${message}`);
    }
  }
  if (d.missingEvidence.length > 0) {
    out.push('', s.bold('Evidence not given'));
    for (const m of d.missingEvidence) {
      out.push(`  - ${m.message}`, `    ${s.cyan(`$ ${m.command}`)}`);
      if (m.evidence !== null) out.push(`    ${givenWith(m.evidence, whydenied)}`);
    }
  }
}

/** Without evidence: the statement to add for each check of the call, marked as not verified. */
function renderSuggested(d: Diagnosis, s: Style, out: string[]): void {
  if (d.suggestedStatements.length === 0) return;
  out.push('', s.bold('Statements to add (not verified: your current policies were not given)'));
  d.suggestedStatements.forEach((suggested, i) => {
    out.push(`  ${i + 1}. ${suggested.action} on ${suggested.resource}`);
    out.push(`     ${s.dim(suggested.why)}`);
    for (const part of suggested.assumed) {
      const why = suggested.assumedWhy[part];
      out.push(s.yellow(`     ${part} assumed${why === undefined ? '' : `: ${why}`}`));
    }
    for (const line of JSON.stringify(suggested.statement, null, 2).split('\n')) out.push(`       ${line}`);
  });
}

/** Marks the deciding finding, and findings that turn on context values the error does not carry. */
function findingNote(f: Diagnosis['findings'][number], index: number, s: Style): string {
  if (f.dependsOn.length > 0) {
    return s.yellow(
      ` (only if ${f.dependsOn.map((k) => `\`${k}\``).join(', ')}, unknown here, fails the condition below)`,
    );
  }
  return index === 0 ? s.dim(' (deciding)') : '';
}

function actionNote(d: Diagnosis): string {
  switch (d.details.actionSource) {
    case 'operation':
      return ' (inferred from the operation)';
    case 'phrase':
      return ' (inferred from the tool step)';
    case 'signature':
      return ' (inferred from the wording)';
    case 'option':
      return ' (from --action)';
    default:
      return '';
  }
}

function blamed(d: Diagnosis): string | null {
  const f = d.failure;
  if (d.kind !== 'authorization') {
    return null;
  }
  if (f.denyType === null) {
    return 'not said (no reason clause in the error)';
  }
  const type = f.denyType === 'explicit' ? 'explicit deny' : 'no allow (implicit deny)';
  const layer = f.reasonLayer === null ? 'a policy of unknown type' : LAYER_NAME[f.reasonLayer];
  const transitive = d.details.transitiveThroughScp ? ', transitively through an SCP' : '';
  return `${layer}: ${type}${transitive}`;
}

/** The request context a CloudTrail record gave, and the keys it shows were absent. */
function requestLine(d: Diagnosis): string | null {
  const line = requestContextLine(d.details.cloudTrail);
  return line === null ? null : `${line} (from the CloudTrail record)`;
}

function codeLine(d: Diagnosis): string | null {
  const parts: string[] = [];
  if (d.details.rawCode !== null) {
    parts.push(d.details.rawCode);
  }
  if (d.details.httpStatus !== null) {
    parts.push(`HTTP ${d.details.httpStatus}`);
  }
  if (d.details.requestId !== null) {
    parts.push(`request ${d.details.requestId}`);
  }
  return parts.length === 0 ? null : parts.join(', ');
}

function describePrincipal(p: PrincipalInfo): string {
  const account = p.account === null ? (p.accountRedacted ? 'account redacted' : '') : `account ${p.account}`;
  const parts: string[] = [];
  switch (p.kind) {
    case 'assumed-role':
      parts.push(`session ${p.sessionName === null ? '' : `\`${p.sessionName}\` `}of role \`${p.name}\``);
      break;
    case 'user':
      parts.push(`IAM user \`${p.name}\``);
      break;
    case 'role':
      parts.push(`IAM role \`${p.name}\``);
      break;
    case 'root':
      parts.push('root user');
      break;
    case 'federated-user':
      parts.push(`federated user \`${p.name}\``);
      break;
    case 'anonymous':
      parts.push('anonymous (unsigned request)');
      break;
    case 'service':
      parts.push('AWS service principal');
      break;
    default:
      return account;
  }
  switch (p.origin) {
    case 'identity-center':
      parts.push(`IAM Identity Center permission set \`${p.permissionSet}\``);
      break;
    case 'ec2-instance-profile':
      parts.push(`instance profile of ${p.instanceId}`);
      break;
    case 'cognito-identity':
      parts.push('Cognito identity pool credentials');
      break;
    case 'codebuild':
      parts.push('CodeBuild project role');
      break;
    case 'ecs-task':
      parts.push('ECS task role or task execution role');
      break;
    case 'web-identity-sdk':
      parts.push('web identity (e.g. EKS IRSA) session');
      break;
    case 'service-linked-role':
      parts.push('service-linked role');
      break;
    default:
      break;
  }
  if (account !== '') {
    parts.push(account);
  }
  return parts.join(', ');
}

/** The option that gives `diagnose` an input of each kind: core names the evidence, the CLI its flag. */
const INPUT_OPTION: Readonly<Record<InputKind, string>> = {
  error: '--error FILE',
  decoded: '--decoded FILE',
  account: '--account FILE',
  organization: '--org FILE (an organization snapshot, see docs/contract.md)',
  'resource-policy': '--resource-policy ARN=FILE',
};

function givenWith(kind: InputKind, whydenied: string): string {
  return `then give it to \`${whydenied} diagnose\` with ${INPUT_OPTION[kind]}`;
}
