import type { PolicyLayer } from '../engine/layers.js';
import type { DenyType } from './failure.js';
import { hasLiteral } from './phrase-scan.js';
import { splitArn } from './principal.js';

/**
 * The denial sentence AWS services write, in all its observed forms:
 * `User: <principal> is not authorized to perform: <action> [on resource: <resource>] [<reason>] [: <policy ARN>]
 * [. Go to <url> ... authorization id: <id>]`, and the terse `Not authorized to perform <action>` and Athena's
 * `You are not authorized to perform: <action> on the resource` forms.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export interface DenialSentence {
  /** The principal as written, or `null` when absent or a placeholder (`<user-arn>`, `...`). */
  readonly principal: string | null;
  /** `true` when the sentence has a `User:` slot (even if its value is a placeholder). */
  readonly principalSlot: boolean;
  /** The action as written (`SNS:Publish`), or `null` for a placeholder or the literal `null`. */
  readonly action: string | null;
  readonly resource: string | null;
  /** `true` when the sentence has an `on resource:` slot. */
  readonly resourceSlot: boolean;
  /**
   * `true` when IAM named the resource by type and name only (`on resource: role deploy`) and
   * {@link resource} is that name's ARN rebuilt in the caller's account, assuming the path `/`.
   */
  readonly resourceRebuilt: boolean;
  readonly reasonLayer: PolicyLayer | null;
  readonly denyType: DenyType | null;
  readonly policyArn: string | null;
  readonly transitiveThroughScp: boolean;
  readonly authorizationId: string | null;
  readonly detailsUrl: string | null;
  /** Offset of the sentence in the text searched. */
  readonly offset: number;
}

/** Policy-type phrases of the reason clause, longest first so that alternatives never shadow each other. */
export const POLICY_TYPES: readonly (readonly [string, PolicyLayer])[] = [
  ['identity-based policy', 'identity'],
  ['resource-based policy', 'resource'],
  ['permissions boundary', 'permissions-boundary'],
  ['permission boundary', 'permissions-boundary'],
  ['sessions policy', 'session'],
  ['session policy', 'session'],
  ['service control policy', 'scp'],
  ['resource control policy', 'rcp'],
  ['vpc endpoint policy', 'vpc-endpoint'],
  // VPC Lattice's auth policy, a resource-based policy of its service (`because no service-based policy allows the
  // vpc-lattice-svcs:Invoke action`) https://docs.aws.amazon.com/vpc-lattice/latest/ug/auth-policies.html
  ['service-based policy', 'resource'],
  ['role trust policy', 'trust-policy'],
  ['trust policy', 'trust-policy'],
];

/**
 * `not authorized to perform`, and Route 53's `User: <principal> is not authorized to access this
 * resource`, which names the principal only (https://github.com/aws/aws-sdk-php/issues/2141).
 */
// (also `is not authorized perform iam:…`, the `to` left out, as a tool retold it: aws-terminator#211)
// (its words also padded by a console's table: `is not authorized   to perform`, aws-well-architected-labs#747)
// (and `perform` mistyped `perfrom` where a paste was typed again by hand: quarkiverse/quarkus-amazon-services#2116)
const ANCHOR = /not authorized[ \t]{1,20}(?:to[ \t]{1,20}perf(?:orm|rom)|perform|to access this resource)/gi;
const ACCESS_THIS_RESOURCE = 'not authorized to access this resource';
/** How far around an anchor the sentence may reach; bounds the work per anchor. */
const WINDOW = 4096;
const MAX_SENTENCES = 64;

/**
 * `pattern`'s first match in `text` where no sentence was found yet and the text holds `literal` (looked for first: a
 * pattern alone would be tried at every position of a large text): a shape read only where AWS's own sentence is not.
 * The literal is one of the phrase scan's, found with the others in its one pass over the text (fifteen searches of
 * their own cost a megabyte of random bytes 3.5 ms).
 */
function ifNoneYet(
  found: readonly DenialSentence[],
  text: string,
  literal: string,
  pattern: RegExp,
): RegExpExecArray | null {
  return found.length === 0 && hasLiteral(text, literal) ? pattern.exec(text) : null;
}

/** Finds every denial sentence in `text`, in order of appearance. Linear in the text length. */
export function findDenialSentences(text: string): DenialSentence[] {
  const found: DenialSentence[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null && found.length < MAX_SENTENCES; m = ANCHOR.exec(text)) {
    const sentence = readAt(text, m.index, m[0].length);
    if (sentence !== null) {
      found.push(sentence);
    }
  }
  // Cognito Identity's refusal to let the caller pass a role to an identity pool (`NotAuthorizedException … when
  // calling the SetIdentityPoolRoles operation: Access to Role '<role ARN>' is forbidden.`): a denial naming the role
  // https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
  const role = ifNoneYet(found, text, 'Access to Role ', ROLE_FORBIDDEN);
  if (role !== null) found.push(resourceOnly(role[1] ?? null, role.index));
  // the IAM console's access-denied panel, one fact a line (`User: arn:…:root` / `Action: iam:GetAccountSummary` /
  // `On resource(s): …` / `Context: a service control policy explicitly denies the action`), or the service on a line
  // of its own and the action by its name (`Service: iam` / `Action: ListAccessKeys`: wazuh/wazuh#20206), or the lines
  // flattened into one; before the reason clause alone, which its `Context:` may hold
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
  // (and the console in Japanese, its labels `アクション:` and `コンテキスト:`, the caller's and the resource's ARNs on
  // lines of their own: dev.classmethod.jp's note of an SCP's Bedrock refusal)
  const japanese = ifNoneYet(found, text, 'コンテキスト: ', CONSOLE_PANEL_JA);
  const panel =
    ifNoneYet(found, text, 'Context: ', CONSOLE_PANEL) ??
    (japanese === null
      ? null
      : Object.assign(
          [japanese[0], japanese[1], undefined, undefined, japanese[2], japanese[3], japanese[4]],
          {
            index: japanese.index,
          },
        ));
  if (panel !== null) {
    const context = (panel[6] ?? '').toLowerCase();
    const layer = POLICY_TYPES.find(([words]) => context.includes(words))?.[1] ?? null;
    const explicit = /\bexplicitly denies\b/.test(context);
    // (the action prefixed, or by its name under the panel's own `Service:` line: an application's `User:` / `Action:`
    // lines with neither are no IAM panel)
    const [, user = '', service, named, prefixed, resource] = panel;
    const action = prefixed ?? (service === undefined || named === undefined ? null : `${service}:${named}`);
    found.push({
      ...principalOnly(isPlaceholder(user) ? null : user, panel.index),
      action,
      resource: resource ?? null,
      resourceSlot: resource !== undefined,
      reasonLayer: layer,
      denyType: layer === null ? null : explicit ? 'explicit' : /\bno\b/.test(context) ? 'implicit' : null,
    });
  }
  // a paste cut to the reason clause alone (`because no identity-based policy allows the iam:PassRole action`)
  // still states the action and why: aws-security-hub-findings-export#5
  const clause = ifNoneYet(found, text, ' allows', REASON_ONLY);
  const layer =
    clause === null ? null : readPolicyType(text, clause.index + clause[0].indexOf('no ') + 'no '.length);
  let clauseSentence: DenialSentence | null = null;
  if (clause !== null && layer !== null) {
    clauseSentence = {
      ...principalOnly(null, clause.index),
      principalSlot: false,
      action: clause[1] ?? null,
      reasonLayer: layer.layer,
      denyType: 'implicit',
    };
    found.push(clauseSentence);
  }
  // CloudTrail's network activity event of a request a VPC endpoint's policy refused (`"errorCode": "VpceAccessDenied",
  // "errorMessage": "The request was denied due to a VPC endpoint policy"`: panther-labs/panther-analysis's rule tests):
  // the reason alone, no caller's ARN nor the action written
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
  const endpoint = ifNoneYet(found, text, 'denied due to a VPC endpoint policy', VPC_ENDPOINT_DENIED);
  if (endpoint !== null) {
    found.push({ ...principalOnly(null, endpoint.index), principalSlot: false, reasonLayer: 'vpc-endpoint' });
  }
  // a tool's own words for a refused call, with AWS's reason after them (Karpenter: `unauthorized to call
  // ec2:RunInstances … explicit deny in a service control policy`)
  const call = ifNoneYet(found, text, 'nauthorized to call ', UNAUTHORIZED_CALL);
  if (call !== null) {
    const after = text.slice(call.index, call.index + 600);
    const reason = /(explicit deny in (?:an?|the) |because no )/.exec(after);
    const layer = reason === null ? null : readPolicyType(after, (reason.index ?? 0) + reason[0].length);
    found.push({
      ...principalOnly(null, call.index),
      principalSlot: false,
      action: call[1] ?? null,
      reasonLayer: layer?.layer ?? null,
      denyType:
        layer === null ? null : reason?.[1]?.startsWith('explicit') === true ? 'explicit' : 'implicit',
    });
  }
  // AWS Backup's refusal of its job role, which the service assumed and checked for a call it needs (`IAM Role
  // arn:aws:iam::…:role/AWSBackupServiceRole is not authorized to call tag:GetResources`, under
  // InvalidParameterValueException) https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
  const jobRole = ifNoneYet(found, text, ' is not authorized to call ', ROLE_NOT_AUTHORIZED);
  if (jobRole !== null)
    found.push({ ...principalOnly(jobRole[1] ?? null, jobRole.index), action: jobRole[2] ?? null });
  // RDS's snapshot export whose role S3 refused (`The IAM role arn:… isn't authorized to call s3:PutObject on the S3
  // bucket b. Review your permissions and retry the export.`; its guide writes `[role ARN]` for each value)
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ExportSnapshot.html
  const exportRole = ifNoneYet(found, text, "isn't authorized to call ", ROLE_ISNT_AUTHORIZED);
  if (exportRole !== null) {
    const [role = '', action = '', bucket = ''] = exportRole.slice(1);
    found.push({
      ...principalOnly(role.startsWith('arn:') ? role : null, exportRole.index),
      action: WHOLE_ACTION.test(action) ? action : null,
      resource: isPlaceholder(bucket) ? null : bucket.replace(/[,;]$/, ''),
      resourceSlot: true,
    });
  }
  // IAM Identity Center's refusal, the action after its own words (`AccessDenied: Caller does not have permission to
  // perform sso:CreateApplicationAssignment`) https://docs.aws.amazon.com/singlesignon/latest/APIReference/CommonErrors.html
  const caller = ifNoneYet(found, text, 'Caller does not have permission to perform', CALLER_NO_PERMISSION);
  if (caller !== null)
    found.push({ ...principalOnly(null, caller.index), principalSlot: false, action: caller[1] ?? null });
  // RDS Proxy's log of a secret its role may not read (`Credentials couldn't be retrieved. The IAM role "arn:…" is not
  // authorized to read the AWS Secrets Manager secret with the ARN "arn:…"`: aws/aws-cdk#28848): the role and the secret
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-secrets-arns.html
  const proxy = ifNoneYet(
    found,
    text,
    'is not authorized to read the AWS Secrets Manager secret',
    PROXY_SECRET,
  );
  if (proxy !== null)
    found.push({
      ...principalOnly(proxy[1] ?? null, proxy.index),
      resource: proxy[2] ?? null,
      resourceSlot: true,
    });
  // SimpleDB's refusal, each value in parentheses (`AuthorizationFailure … User (arn:…) does not have permission to perform
  // (sdb:ListDomains) on resource (arn:aws:sdb:…:domain/). Contact account owner.`: hackingthe.cloud, whoami.md)
  // https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/APIError.html
  const simpleDb = ifNoneYet(found, text, ') does not have permission to perform (', PARENTHESISED_DENIAL);
  if (simpleDb !== null)
    found.push({
      ...principalOnly(simpleDb[1] ?? null, simpleDb.index),
      action: simpleDb[2] ?? null,
      resource: simpleDb[3] ?? null,
      resourceSlot: simpleDb[3] !== undefined,
    });
  // KMS's refusal of a key created with tags by a caller without the tagging permission (`when calling the CreateKey
  // operation: You don't have the kms:TagResource permission that is required to add tags during key creation.`)
  // https://docs.aws.amazon.com/kms/latest/developerguide/tag-permissions.html
  const lacking = ifNoneYet(found, text, "You don't have the ", LACKING_PERMISSION);
  if (lacking !== null)
    found.push({ ...principalOnly(null, lacking.index), principalSlot: false, action: lacking[1] ?? null });
  // CloudFront's refusal of a Lambda@Edge association the caller may not read (`Lambda@Edge cannot retrieve the specified
  // Lambda function. Update the IAM policy to add permission: lambda:GetFunction for resource: arn:… and try again.`)
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-permissions.html
  const edge = ifNoneYet(found, text, 'to add permission: ', ADD_PERMISSION);
  if (edge !== null)
    found.push({
      ...principalOnly(null, edge.index),
      principalSlot: false,
      action: edge[1] ?? null,
      resource: edge[2] ?? null,
      resourceSlot: true,
    });
  // a paste cut inside the sentence, before its action (`...on resource: "arn:aws:s3:::b" with an explicit deny in a
  // resource-based policy`: cloud-custodian/cloud-custodian#11002): the rest read as the sentence, no caller or action
  // (also where the action before the slot survived the cut: ` logs:FilterLogEvents on resource: arn:… because no …`,
  // cloud-gov/terraform-provision#919; the reason clause alone, read above, gives way to it)
  const reasonOnly = found.length === 1 && clauseSentence !== null && found[0] === clauseSentence;
  const cut =
    (found.length === 0 || reasonOnly) && text.includes('on resource: ')
      ? CUT_BEFORE_RESOURCE.exec(text)
      : null;
  if (cut !== null) {
    const rest = readAt(
      `${CUT_LEAD}${text.slice(cut.index, cut.index + WINDOW)}`,
      0,
      'not authorized to perform'.length,
    );
    if (rest !== null && rest.denyType !== null) {
      // (shaped as an IAM action, `10:45` is none; the reason clause's own action first)
      const before = /(?:^|\s)([a-z][a-z0-9-]{1,39}:[A-Z][A-Za-z0-9]{1,99}) $/.exec(
        text.slice(Math.max(0, cut.index - 120), cut.index),
      );
      // (and the caller, where the paste elided only the words between it and the action: `User: arn:… is
      // not...logs:CreateLogGroup on resource: …`, service-cloud-voice/examples-from-doc#71)
      const lead =
        /\bUser: (arn:[\w-]+:(?:iam|sts)::\S{1,400}) is not(?:\.\.\.|…) ?([a-z][a-z0-9-]{1,39}:[A-Z][A-Za-z0-9]{1,99} )?$/.exec(
          text.slice(Math.max(0, cut.index - 600), cut.index),
        );
      const clauseAction = reasonOnly ? (found[0]?.action ?? null) : null;
      const action = clauseAction ?? before?.[1] ?? lead?.[2]?.trim() ?? null;
      if (reasonOnly) found.pop();
      const principal = lead?.[1] ?? null;
      found.push({ ...rest, action, principal, principalSlot: principal !== null, offset: cut.index });
    }
  }

  const access = ifNoneYet(found, text, 'not authorized to access this resource', RESOURCE_ACCESS);
  if (access !== null) {
    found.push({
      ...principalOnly(null, access.index),
      principalSlot: false,
      denyType: access[1] === undefined ? null : 'explicit',
    });
  }
  // a paste cut right after the caller's refusal, before what it was refused (`"Unable to list Access Analyzers: User:
  // arn:aws:iam::…:user/new_user is not authorized"`: aquasecurity/cloudsploit#1708): the caller alone
  const refused = ifNoneYet(found, text, ' is not a', CUT_AFTER_CALLER);
  if (refused !== null) found.push(principalOnly(refused[1] ?? null, refused.index));
  // an explicit deny's clause alone where a retelling elided the sentence before it (`AccessDenied ... explicit deny in a
  // service control policy`: aws-controllers-k8s/s3-controller#245), or quoted alone: why, without what
  const explicitOnly = ifNoneYet(found, text, 'explicit deny in ', EXPLICIT_ONLY);
  const explicitLayer =
    explicitOnly === null ? null : readPolicyType(text, explicitOnly.index + explicitOnly[0].length);
  if (explicitOnly !== null && explicitLayer !== null)
    found.push({
      ...principalOnly(null, explicitOnly.index),
      principalSlot: false,
      reasonLayer: explicitLayer.layer,
      denyType: 'explicit',
    });
  return found;
}

const CONSOLE_PANEL =
  /\bUser: (\S{1,2048})\s{1,20}(?:Service: ([a-z0-9-]{2,40})\s{1,20}Action: ([A-Za-z0-9*]{2,100})|Action: ([a-z0-9-]{2,40}:[A-Za-z0-9*]{2,100}))\s{1,20}(?:On resource\(s\): (\S{1,2048})\s{1,20})?Context: ([^\n]{4,300})/;

/** The console's panel in Japanese: the caller's ARN, `アクション:`, the resource's ARN and `コンテキスト:`. */
const CONSOLE_PANEL_JA =
  /(?:ユーザー: ?)?(arn:[\w-]+:(?:iam|sts)::\S{1,2048})\s{1,20}アクション: ([a-z0-9-]{2,40}:[A-Za-z0-9*]{2,100})\s{1,20}(?:(?:リソース: ?)?(arn:\S{1,2048})\s{1,20})?コンテキスト: ([^\n]{4,300})/;

/** An IAM action as the services' own sentences name it: the service's prefix and the action's name. */
const ACTION = '[a-z0-9-]{2,40}:[A-Za-z0-9]{2,100}';

const PARENTHESISED_DENIAL = new RegExp(
  String.raw`\bUser \((arn:[\w-]+:(?:iam|sts)::[^()\s]{1,400})\) does not have permission to perform \((${ACTION})\)(?: on resource \((arn:[^()\s]{1,1000})\))?`,
);
const PROXY_SECRET =
  /\bThe IAM role "(arn:[\w-]+:iam::[^"\s]{0,400})" is not authorized to read the AWS Secrets Manager secret with the ARN "(arn:[\w-]+:secretsmanager:[^"\s]{0,400})"/;
const LACKING_PERMISSION = new RegExp(
  String.raw`\bYou don't have the (${ACTION}) permission that is required\b`,
);
const CALLER_NO_PERMISSION = new RegExp(
  String.raw`\bCaller does not have permission to perform:?\s{1,20}(${ACTION})\b`,
);

const ADD_PERMISSION = new RegExp(
  String.raw`\bUpdate the IAM policy to add permission: (${ACTION})\*?\s{1,20}for\s{1,20}resource:\s{1,20}(arn:[^\s,;]{1,1024}?)(?= and try again|[\s,;]|\.?$)`,
);

const ROLE_NOT_AUTHORIZED = new RegExp(
  String.raw`\bIAM Role (arn:[\w-]+:iam::[^\s"'\x60]{1,1024}) is not authorized to call (${ACTION})\b`,
);

/** A value that is an IAM action and nothing else. */
const WHOLE_ACTION = new RegExp(`^${ACTION}$`);

const ROLE_ISNT_AUTHORIZED =
  /\bThe IAM role (\[[^\]\n]{1,60}\]|\S{1,1024}) isn't authorized to call (\[[^\]\n]{1,60}\]|\S{1,200}) on the S3 bucket (\[[^\]\n]{1,60}\]|[^\s\]]{1,300}?)\.?(?=\s|$)/;

const UNAUTHORIZED_CALL = new RegExp(String.raw`\b[Uu]nauthorized to call (${ACTION})\b`);

/**
 * A caller's ARN and `is not authorized` that ends the paste, its line or a quoted string, or a copy cut short within it
 * (PHP's `"Message":"User: arn:… is not a (truncated...)`: baopham/laravel-dynamodb#32).
 */
// (also cut inside its verb's words at the paste's or the line's end: `… is not authorized to` under a console's banner,
// aws/amazon-sagemaker-feedback#123; `… is not au`, ansible-collections/community.aws#1831)
const CUT_AFTER_CALLER =
  /\bUser: (arn:[\w-]+:[^\s"'`]{1,1024}) is not (?:authorized(?:["'`]|\.?[ \t]*(?:\n|$)| to(?: p[a-z]{0,6})?[ \t]*(?:\n|$))|a[a-z]{0,9} ?\(truncated|a[a-z]{0,8}[ \t]*$)/;

/** A sentence's resource slot and its reason, where the paste holds no sentence start before them (the action perhaps). */
/** A VPC endpoint policy's refusal as CloudTrail's network activity events word it. */
const VPC_ENDPOINT_DENIED = /\b(?:The request was )?denied due to a VPC endpoint policy\b/;

const CUT_BEFORE_RESOURCE = /\bon resource: \S{1,2048}\s{1,20}(?:with an explicit deny|because no )/;
/** What the cut-off start of a sentence stands in for: no caller, no action (`null` names none). */
const CUT_LEAD = 'not authorized to perform: null ';

/**
 * An explicit deny's clause alone: after an ellipsis where a retelling elided the sentence, or quoted alone as AWS writes it
 * (`with an explicit deny in an identity-based policy`: tarunagarwal1981/Tprov10, COMPLETE_DENY_POLICY_CHECKLIST.md).
 */
const EXPLICIT_ONLY = /(?:(?:\.\.\.|…)[ \t]{1,5}|\bwith an )explicit deny in (?:an?|the) /;
/** … also quoted in prose with its last word left out (`the \`no resource-based policy allows the ecr:BatchGetImage\` error`: aws/containers-roadmap#2053). */
// (its `action` also retold as another word, `… allows the elasticloadbalancing:DescribeListenerAttributes found.`:
// kubernetes-sigs/aws-load-balancer-controller commit f2ce93f)
const REASON_ONLY =
  /(?:because |\b)no [a-z -]{4,40} allows(?: the)?\s{1,20}([a-z0-9-]{2,40}:[A-Za-z0-9*]{2,100})(?: action| found\b|(?=[`'"\u201d]))/;

/**
 * API Gateway's refusal by a resource policy or an authorizer's policy (`User is not authorized to access this
 * resource`, `… with an explicit deny`), also as a service behind it relays it.
 * https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden
 */
const RESOURCE_ACCESS = /\bUser is not authorized to access this resource( with an explicit deny)?/;

// (or its name: Cognito Identity's `Access to Role 'SomeRoleName' is forbidden.` of SetIdentityPoolRoles, boto/boto3#73)
const ROLE_FORBIDDEN = /Access to Role '([^'\s]{1,400})' is forbidden/;

function readAt(text: string, anchor: number, anchorLength: number): DenialSentence | null {
  if (text.slice(anchor, anchor + ACCESS_THIS_RESOURCE.length).toLowerCase() === ACCESS_THIS_RESOURCE) {
    const { principal, principalSlot } = readPrincipal(text, anchor);
    return principalSlot ? principalOnly(principal, anchor) : null;
  }
  const windowEnd = Math.min(text.length, anchor + WINDOW);
  let pos = anchor + anchorLength;
  if (text[pos] === ':') {
    pos++;
  }
  pos = skipSpace(text, pos, windowEnd);
  const actionToken = splitActionToken(text, pos, windowEnd) ?? readToken(text, pos, windowEnd);
  // (an action never ends in a colon: one there closes the sentence, `perform: cloudwatch:PutMetricData:`:
  // zendesk/maxwell#1345)
  // (nor in a Markdown emphasis's closing mark: AWS names one action, no wildcard, `perform sts:AssumeRole*` of a mail
  // that rendered `*…*` around the sentence: Netflix/security_monkey#766)
  // (nor the quote, parenthesis or semicolon of the code that wrote the sentence as a string, `new Error('User is not
  // authorized to perform: ecr:PutImage');`, nor what a join of its next line put after them: aws/aws-cdk-cli's tests)
  const rawAction = withoutParentheses(trimPunctuation(actionToken.value))
    .replace(/^([a-z0-9-]{2,40}:[A-Za-z0-9*]{2,100}):$/, '$1')
    .replace(/^([a-z0-9-]{2,40}:[A-Za-z][A-Za-z0-9]{1,100})[*_]{1,2}$/, '$1')
    .replace(/^([a-z0-9-]{2,40}:[A-Za-z][A-Za-z0-9]{1,100})['"`][);,][\s\S]*$/, '$1');
  // EC2's fixed sentence `You are not authorized to perform this operation.` carries no action; a sentence cut
  // right after `perform` (raster-foundry/raster-foundry#1229) still names its principal.
  if (rawAction === 'this' || rawAction === '') {
    const { principal, principalSlot } = readPrincipal(text, anchor);
    // (its reason all the same where a tool wrote one after it: Karpenter's `User is not authorized to perform this
    // operation because no identity-based policy allows it`, `… due to a service control policy`: aws/karpenter-provider-aws
    // commit 38955da)
    const reason = rawAction === 'this' ? reasonAfterThisOperation(text, actionToken.end, windowEnd) : null;
    if (reason !== null) return { ...principalOnly(principal, anchor), principalSlot, ...reason };
    return principalSlot ? principalOnly(principal, anchor) : null;
  }
  pos = actionToken.end;
  // `perform: (sts:AssumeRole) action`, and the Knowledge Center's template `perform API action on resource:`
  const afterAction = skipSpace(text, pos, windowEnd);
  const actionWord = startsWithWordAt(text, afterAction, 'action');
  if (actionWord) {
    pos = afterAction + 'action'.length;
  }
  // (a paste cut right after the service's prefix, `perform: support:`, names no action)
  const action =
    rawAction === 'null' ||
    isPlaceholder(rawAction) ||
    // (or the action's name a stand-in: `transcribe:<action>`, aws-amplify/aws-sdk-ios#840)
    /:<[^<>\s]{1,40}>$/.test(rawAction) ||
    (actionWord && rawAction === 'API') ||
    /^[A-Za-z0-9-]+:$/.test(rawAction)
      ? null
      : rawAction;

  const { principal, principalSlot } = readPrincipal(text, anchor);

  let resource: string | null = null;
  let resourceSlot = false;
  let resourceRebuilt = false;
  let cursor = skipSpace(text, pos, windowEnd);
  // KMS's words for the key a sentence does not name (`… is not authorized to perform: kms:Decrypt on this resource with
  // an explicit deny in a resource control policy`: kubernetes-sigs/aws-encryption-provider, pkg/kmsplugin/kms.go)
  if (startsWithAt(text, cursor, 'on this resource '))
    cursor = skipSpace(text, cursor + 'on this resource'.length, windowEnd);
  const valueAt = resourceValueAt(text, cursor);
  // (a slot that ends its paragraph holds nothing: the next paragraph's first word is no resource, `… on resource:` /
  // `` / `Getting and error …`: awslabs/amazon-kinesis-client-python#110)
  // (but an ARN starting the next paragraph is the value: `… sts:AssumeRole on resource:` / `` / `arn:aws:iam::…:role/x`,
  // aws/aws-cdk#15917)
  const emptySlot =
    valueAt >= 0 && /^[ \t]*\n[ \t]*\n(?![ \t\n]*arn:)/.test(text.slice(valueAt, valueAt + 200));
  if (valueAt >= 0 && emptySlot) {
    resourceSlot = true;
    cursor = valueAt;
  } else if (valueAt >= 0) {
    resourceSlot = true;
    cursor = skipSpace(text, valueAt, windowEnd);
    // (the slot's word written twice, the value after the second: `on resource: resource: arn:aws:greengrass:…`, the
    // Greengrass V1 guide's troubleshooting page)
    if (startsWithAt(text, cursor, 'resource: '))
      cursor = skipSpace(text, cursor + 'resource:'.length, windowEnd);
    const valueStart = cursor;
    const token = readResourceToken(text, cursor, windowEnd);
    resource = token.value;
    cursor = token.end;
    // a type's word before `ARN`, standing for the whole value (`on resource: index ARN`, the Kendra guide's example)
    if (
      resource !== null &&
      /^[a-z][a-z-]{1,30}$/.test(resource) &&
      /^ ARN(?=$|[\s.,;])/.test(text.slice(cursor, cursor + 5))
    ) {
      resource = null;
      cursor += ' ARN'.length;
    }
    // IAM's path scope of a listing, no policy's name (`iam:ListPolicies on resource: policy path /`: aws/aws-sam-cli#394):
    // as written https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-friendly-names
    const pathScope = /^(policy|role|user|group|instance-profile) path (\/[^\s]{0,512})/.exec(
      text.slice(valueStart, Math.min(windowEnd, valueStart + 560)),
    );
    let iamType = resource === null ? undefined : IAM_NAMED_TYPES.get(resource);
    // IAM's type in two words: `on resource: instance profile NAME` (nchammas/flintrock#269)
    const afterType = skipSpace(text, cursor, windowEnd);
    if (resource === 'instance' && startsWithWordAt(text, afterType, 'profile')) {
      iamType = 'instance-profile';
      cursor = afterType + 'profile'.length;
    }
    if (pathScope !== null) {
      resource = trimPunctuation(pathScope[0]);
      cursor = valueStart + pathScope[0].length;
    } else if (iamType !== undefined) {
      const named = readIamName(text, cursor, windowEnd, iamType, principal);
      // no caller's account to rebuild it in: the type and name as IAM wrote them (`role lambda_execution_role`)
      resource =
        named.arn ?? (named.name === null ? null : trimPunctuation(text.slice(valueStart, named.end)));
      resourceRebuilt = named.rebuilt;
      cursor = named.end;
    }
  } else if (startsWithAt(text, cursor, 'on resource ')) {
    // the console banner's words retyped without the slot's colon (`on resource xxxxx: because no identity-based
    // policy allows …`: gruntwork-io/docs, knowledge base 619): a value, then the reason
    // (or ending the sentence: `… iam:PassRole on resource CognitoAccessForAmazonOpenSearch`, the OpenSearch guide)
    const bare =
      /^on resource (\S{1,200}?):?(?:[ \t]{1,5}(?=because no |with an explicit deny)|\.?[ \t]*(?=\n|$))/.exec(
        text.slice(cursor, Math.min(windowEnd, cursor + 230)),
      );
    if (bare?.[1] !== undefined) {
      resourceSlot = true;
      const value = trimPunctuation(bare[1]);
      resource = isPlaceholder(value) ? null : value;
      cursor += bare[0].length;
    }
  } else if (startsWithAt(text, cursor, 'on the resource')) {
    cursor += 'on the resource'.length;
    // KMS's wording for a ciphertext's key (`… kms:Decrypt on the resource associated with this ciphertext because …`)
    const associated = ' associated with this ciphertext';
    if (startsWithAt(text, cursor, associated)) cursor += associated.length;
  }

  let reasonLayer: PolicyLayer | null = null;
  let denyType: DenyType | null = null;
  let transitiveThroughScp = false;
  let policyArn: string | null = null;
  cursor = skipSpace(text, cursor, windowEnd);
  // an ellipsis a paste put where it left out the resource slot (`perform: bedrock:InvokeModel … because no …`)
  // (its `because` left out with it too: `perform: elasticache:CreateCacheSubnetGroup ... no identity-based policy allows
  // the action`, codeforamerica/sebt-self-service-portal#444)
  const elided = /^(?:…|\.\.\.)[ \t]{1,5}(?=because no |with an explicit deny|no )/.exec(
    text.slice(cursor, Math.min(windowEnd, cursor + 30)),
  );
  if (elided) cursor += elided[0].length;
  const becauseLeftOut =
    elided !== null &&
    startsWithAt(text, cursor, 'no ') &&
    readPolicyType(text, cursor + 'no '.length) !== null;
  // a value a paste broke with a space, its rest before the reason (`on resource: arn:aws:iam:: 111122223333:user/ with an
  // explicit deny …`: turbot/steampipe-plugin-aws#2517): the rest is the value's where the value stopped at a colon
  const rest =
    resource !== null && resourceSlot
      ? /^(\S{1,80})[ \t]{1,5}(?=because no |with an explicit deny)/.exec(
          text.slice(cursor, Math.min(windowEnd, cursor + 90)),
        )
      : null;
  if (rest) {
    if (resource?.endsWith(':') === true && !resourceRebuilt) resource = `${resource} ${rest[1]}`;
    cursor += rest[0].length;
  }
  if (becauseLeftOut || startsWithAt(text, cursor, 'because no ')) {
    const layer = readPolicyType(text, cursor + (becauseLeftOut ? 'no ' : 'because no ').length);
    if (layer !== null) {
      reasonLayer = layer.layer;
      denyType = 'implicit';
      cursor = layer.end;
      const allows = /^\s+allows the \S+ action\.?/i.exec(
        text.slice(cursor, Math.min(windowEnd, cursor + 300)),
      );
      if (allows) {
        cursor += allows[0].length;
      }
    }
  } else if (startsWithAt(text, cursor, 'with an explicit deny')) {
    denyType = 'explicit';
    cursor += 'with an explicit deny'.length;
    const inType = /^\s+in (?:an?|the)\s+/i.exec(text.slice(cursor, Math.min(windowEnd, cursor + 40)));
    if (inType) {
      const layer = readPolicyType(text, cursor + inType[0].length);
      if (layer !== null) {
        reasonLayer = layer.layer;
        cursor = layer.end;
        const transitive = /^\s+transitively through (?:an?|the)\s+service control polic(?:y|ies)/i.exec(
          text.slice(cursor, Math.min(windowEnd, cursor + 80)),
        );
        if (transitive) {
          transitiveThroughScp = true;
          cursor += transitive[0].length;
        }
      }
    }
  }
  if (denyType !== null) {
    const ref = /^(?::|,\s*with policy ARN:)\s*(\S+)/i.exec(
      text.slice(cursor, Math.min(windowEnd, cursor + 400)),
    );
    if (ref?.[1] !== undefined) {
      const arn = trimPunctuation(ref[1]);
      policyArn = arn.startsWith('arn:') ? arn : null;
      cursor += ref[0].length;
    }
  }
  const tail =
    /Go to (\S+) for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: ([\w-]+)/.exec(
      text.slice(cursor, Math.min(windowEnd, cursor + 1500)),
    );
  return {
    principal,
    principalSlot,
    action,
    resource,
    resourceSlot,
    resourceRebuilt,
    reasonLayer,
    denyType,
    policyArn,
    transitiveThroughScp,
    authorizationId: tail?.[2] ?? null,
    detailsUrl: tail?.[1] ?? null,
    offset: anchor,
  };
}

/** An email address that starts a text: SES's identity as the resource of its refusal. */
const SES_ADDRESS = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+(?=$|[\s.,;<"'`])/;

/**
 * Where the resource's value starts when a resource slot starts at `at`, else -1: `on resource:`; SES v2's
 * `on resource \`arn:…'` without the colon, or its identity an e-mail address unquoted; `on arn:…` without the
 * label (CodeBuild's `… sts:AssumeRole on arn:…`); `on role arn:…`.
 */
function resourceValueAt(text: string, at: number): number {
  if (startsWithAt(text, at, 'on resource:')) return at + 'on resource:'.length;
  // (also without its colon: `on resource <arn-repo-ecr> because …`, `on resource arn:…`)
  if (
    startsWithAt(text, at, 'on resource `') ||
    startsWithAt(text, at, "on resource '") ||
    startsWithAt(text, at, 'on resource <') ||
    startsWithAt(text, at, 'on resource arn:') ||
    // (SES's identity unquoted, an email address: `… perform \`ses:SendRawEmail' on resource do_not_reply@example.com`)
    (startsWithAt(text, at, 'on resource ') && SES_ADDRESS.test(text.slice(at + 12, at + 12 + 320)))
  )
    return at + 'on resource '.length;
  // (and CodePipeline's `… perform AssumeRole on role arn:…`)
  if (startsWithAt(text, at, 'on role arn:')) return at + 'on role '.length;
  // (CloudWatch Logs' query over log groups, plural and without a colon: `User with accountId: 1 is not authorized to
  // perform StartQuery on resources RDSOSMetrics.`: grafana/grafana#111504)
  if (startsWithAt(text, at, 'on resources ')) return at + 'on resources '.length;
  if (startsWithAt(text, at, 'on arn:')) return at + 'on '.length;
  // (the ARN on the next line of a narrow paste: `… lambda:TagResource on` / `arn:aws:lambda:…`,
  // aws-samples/sample-autonomous-cloud-coding-agents#407)
  return /^on[ \t]{0,4}\r?\n[ \t]{0,40}arn:/.test(text.slice(at, at + 52))
    ? at + text.slice(at).indexOf('arn:')
    : -1;
}

/** A sentence that names its principal and nothing else. */
function principalOnly(principal: string | null, offset: number): DenialSentence {
  return {
    principal,
    principalSlot: true,
    action: null,
    resource: null,
    resourceSlot: false,
    resourceRebuilt: false,
    reasonLayer: null,
    denyType: null,
    policyArn: null,
    transitiveThroughScp: false,
    authorizationId: null,
    detailsUrl: null,
    offset,
  };
}

/** The reason clause after `perform this operation`, where one follows (`because no …`, `with an explicit deny in …`, `due to …`). */
function reasonAfterThisOperation(
  text: string,
  at: number,
  end: number,
): { reasonLayer: PolicyLayer; denyType: DenyType | null } | null {
  if (!startsWithAt(text, at, ' operation ')) return null;
  const m = /^(because no |with an explicit deny in (?:an? )?|due to (?:an? |the )?)/.exec(
    text.slice(at + ' operation '.length, Math.min(end, at + 60)),
  );
  if (m === null) return null;
  const type = readPolicyType(text, at + ' operation '.length + m[0].length);
  if (type === null) return null;
  const denyType = m[0].startsWith('because') ? 'implicit' : m[0].startsWith('with') ? 'explicit' : null;
  return { reasonLayer: type.layer, denyType };
}

/** A sentence that names the resource denied and nothing else. */
function resourceOnly(resource: string | null, offset: number): DenialSentence {
  return { ...principalOnly(null, offset), principalSlot: false, resource, resourceSlot: true };
}

/** Reads `User: <principal> is ` backwards from the anchor. */
function readPrincipal(text: string, anchor: number): { principal: string | null; principalSlot: boolean } {
  const before = withSpacedUser(text.slice(Math.max(0, anchor - 2048), anchor));
  const userAt = before.lastIndexOf('User: ');
  if (userAt < 0) {
    const quoted = quotedPrincipal(before);
    return quoted.principalSlot ? quoted : bareArnPrincipal(before);
  }
  const isAt = verbAfterPrincipal(before, userAt);
  if (isAt < 0 || isAt < userAt) {
    return { principal: null, principalSlot: false };
  }
  // also as Markdown code (``User: `arn:…` is not authorized``: aws/aws-cdk-cli#762)
  const value = joinedArn(
    withoutMarkdown(withoutBackticks(before.slice(userAt + 'User: '.length, isAt).trim())),
  );
  if (value === '' || /\s/.test(withoutPlaceholderGroups(value)) || isPlaceholder(value)) {
    // `<arn here>` and other placeholders, or a slot that spans text that is not one token
    return { principal: null, principalSlot: true };
  }
  const principal = withoutStraySpaces(value);
  // an ARN, or S3's `anonymous`; a bare name (`User: deploy-pl-prod`) names no principal the engine can use
  return {
    principal: principal.startsWith('arn:') || principal === 'anonymous' ? principal : null,
    principalSlot: true,
  };
}

/**
 * `User:arn:…` as a paste wrote it without its space (data-dot-all/dataall#851), and `User:` ending a line whose next
 * holds the ARN (a log's record that kept its message's line breaks, which no wrap repair joins: `… operation: User:` /
 * `arn:aws:sts::…` / `is not authorized …`, awslabs/aws-deployment-framework commit 4fadf09 inside a JSON log's
 * string): read as `User: arn:…`.
 */
function withSpacedUser(before: string): string {
  const spaced = before.includes('User:arn:') ? before.replaceAll('User:arn:', 'User: arn:') : before;
  return spaced.includes('User:\n') ? spaced.replace(/User:\n[ \t]*(?=arn:)/g, 'User: ') : spaced;
}

/**
 * An ARN a tool wrapped at one of its separators (`…:assumed-role/app-test` / `-ExecutionRole-X/s`): every
 * piece after the first starts with a separator, so the breaks are no spaces of the text; or one whose only breaks are
 * line breaks. Anything else is left as it is.
 */
function joinedArn(value: string): string {
  if (!value.startsWith('arn:') || !/\s/.test(value)) return value;
  // (or one a hard wrap cut inside a word, its only breaks line breaks: `…/AWSClo` / `udFormation is not authorized`:
  // aws-observability/aws-otel-community#1063)
  // (its other spaces, if any, inside stand-ins: `…:assumed-role/` / `` `iam_role used_by_…` ``, awslabs/cdk-eks-blueprints#684)
  const unbroken = value.replace(/\n[ \t]*/g, '');
  if (!/[ \t]/.test(withoutPlaceholderGroups(unbroken))) return unbroken;
  const pieces = value.split(/\s+/);
  return pieces.slice(1).every((piece) => /^[-/:._]/.test(piece)) ? pieces.join('') : value;
}

/**
 * A caller's ARN that starts the sentence without `User:` (`arn:aws:sts::…:assumed-role/r/s is not authorized to
 * perform: …`, as a tool retold it: City-Bureau/city-scrapers#316).
 */
function bareArnPrincipal(before: string): { principal: string | null; principalSlot: boolean } {
  const tail = before.slice(-600);
  // (or an alarm as the caller SNS names, `Resource:` before it, in an alarm's history: `Received error: "Resource:
  // arn:aws:cloudwatch:…:alarm:X is not authorized to perform: SNS:Publish on resource: …"`,
  // aws-solutions/automated-security-response-on-aws#43)
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
  const alarm =
    /(?:^|[\s"'`(])Resource: (arn:[\w-]+:cloudwatch:[\w-]{2,30}:[^\s:]{0,40}:alarm:\S{1,400}) is $/.exec(
      tail,
    );
  if (alarm?.[1] !== undefined) return { principal: alarm[1], principalSlot: true };
  const m = /(?:^|[\s"'`(])(arn:[\w-]+:(?:iam|sts)::[^\s:]{0,40}:\S{1,400}) is $/.exec(tail);
  // (a quote that closed it, its opening one cut off with the paste's start: `…/<lambda>' is not authorized`; no ARN of
  // IAM holds one)
  return m?.[1] === undefined
    ? { principal: null, principalSlot: false }
    : { principal: withoutBackticks(m[1]).replace(/'$/, ''), principalSlot: true };
}

/** A value without the backticks that quote it as Markdown code (`` `arn:…` ``). */
function withoutBackticks(value: string): string {
  if (!value.startsWith('`') && !value.endsWith('`')) return value;
  // (not the one that closes a field's stand-in in backticks, `…:assumed-role/`my role``: awslabs/cdk-eks-blueprints#684)
  if (!value.startsWith('`') && (value.match(/`/g)?.length ?? 0) % 2 === 0) return value;
  return value.replace(/^`+|`+$/g, '');
}

/**
 * SES v2's form, the caller in quotes and no colon: `User 'arn:aws:iam::…:user/foo' is not authorized to
 * perform 'ses:SendEmail' on resource \`arn:…'` (https://github.com/aws/aws-sdk-net/issues/3550).
 */
function quotedPrincipal(before: string): { principal: string | null; principalSlot: boolean } {
  const isAt = isVerbAt(before);
  if (isAt < 1 || before.charAt(isAt - 1) !== "'") return { principal: null, principalSlot: false };
  // opened by a quote, or by a backtick as SES's older messages do (`User \`arn:…' is not authorized …`)
  const open = Math.max(before.lastIndexOf("User '", isAt - 1), before.lastIndexOf('User `', isAt - 1));
  const value = open < 0 ? '' : before.slice(open + "User '".length, isAt - 1);
  return value.startsWith('arn:') && !/[\s']/.test(value)
    ? { principal: value, principalSlot: true }
    : { principal: null, principalSlot: false };
}

/**
 * Where the ` is ` after the principal starts; also an `is` glued to an ARN whose space a paste or a
 * redaction lost (`…/i-0abc123is not authorized`): the `is` is the verb's whatever the name ends with, as
 * a name ending in `is` reads `…isis`.
 */
function verbAfterPrincipal(before: string, userAt: number): number {
  const spaced = isVerbAt(before);
  if (spaced >= 0) return spaced;
  let i = before.length;
  while (i > 0 && isSpace(before.charCodeAt(i - 1))) i--;
  if (i === before.length) return -1;
  if (!before.endsWith('is', i)) {
    // the verb left out (`User: arn:…/AWSCloudFormation not authorized to perform: …`, as DataZone relays it through
    // a CloudFormation handler: aws/modern-data-architecture-accelerator#39): the slot is one ARN alone
    const bare = before.slice(userAt + 'User: '.length, i);
    return bare.startsWith('arn:') && !/\s/.test(bare) ? i : -1;
  }
  const value = before.slice(userAt + 'User: '.length, i - 2);
  return value.startsWith('arn:') && !/\s/.test(value) ? i - 2 : -1;
}

/**
 * Where the ` is ` that ends `before` starts (its leading white space included), or -1. Scans back from
 * the end once: a regular expression anchored at the end (`/\s+is\s+$/`) retries from every space of a
 * long run of spaces, which is quadratic.
 */
function isVerbAt(before: string): number {
  let i = before.length;
  const afterVerb = i;
  while (i > 0 && isSpace(before.charCodeAt(i - 1))) i--;
  if (i === afterVerb || i < 2 || before.slice(i - 2, i) !== 'is') return -1;
  i -= 2;
  const beforeVerb = i;
  while (i > 0 && isSpace(before.charCodeAt(i - 1))) i--;
  return i === beforeVerb ? -1 : i;
}

function readPolicyType(text: string, at: number): { layer: PolicyLayer; end: number } | null {
  const slice = text.slice(at, at + 40).toLowerCase();
  for (const [phrase, layer] of POLICY_TYPES) {
    if (slice.startsWith(phrase)) {
      return { layer, end: at + phrase.length };
    }
  }
  // (its hyphen padded by a log's spaces: `no identity    -based policy allows`)
  if (/^[a-z]+\s+-|^[a-z]+-\s/.test(slice)) {
    for (const [phrase, layer] of POLICY_TYPES) {
      const end = hyphenPaddedEnd(text, at, phrase);
      if (end >= 0) return { layer, end };
    }
  }
  // A pasted error cut inside the phrase (`in a service cont…`) still names the type when the cut prefix
  // belongs to one phrase only.
  // (or cut by the paste's end or a line's, without a mark: `because no identity-based poli` / `Unable to connect …`:
  // aws/amazon-redshift-odbc-driver#50)
  const cut = /^([a-z -]{4,40}?)(?:…|\.\.\.|\[truncated|\n|$)/.exec(slice);
  const ended = cut !== null && !/(?:…|\.\.\.|\[truncated|\n)$/.test(cut[0]);
  if (cut?.[1] !== undefined && (!ended || at + cut[0].length === text.length)) {
    const prefix = cut[1];
    const layers = new Set(
      POLICY_TYPES.filter(([phrase]) => phrase.startsWith(prefix)).map(([, layer]) => layer),
    );
    const [only] = layers;
    if (layers.size === 1 && only !== undefined) {
      return { layer: only, end: at + prefix.length };
    }
  }
  return null;
}

/** Where `phrase` ends when the text at `at` holds it with spaces around its hyphen, else -1. */
function hyphenPaddedEnd(text: string, at: number, phrase: string): number {
  const hyphen = phrase.indexOf('-');
  if (hyphen < 0) return -1;
  const m = /^\s{0,20}-\s{0,20}/.exec(text.slice(at + hyphen, at + hyphen + 41));
  if (m === null || text.slice(at, at + hyphen).toLowerCase() !== phrase.slice(0, hyphen)) return -1;
  const rest = at + hyphen + m[0].length;
  const tail = phrase.slice(hyphen + 1);
  return text.slice(rest, rest + tail.length).toLowerCase() === tail ? rest + tail.length : -1;
}

function readResourceToken(text: string, at: number, end: number): { value: string | null; end: number } {
  const open = text[at];
  if (open === '`' || open === "'") {
    const inWindow = text.slice(at + 1, Math.min(end, at + 2049)).search(/['`]/);
    if (inWindow > 0) {
      const inner = text.slice(at + 1, at + 1 + inWindow);
      if (!/\s/.test(inner)) return { value: isPlaceholder(inner) ? null : inner, end: at + inWindow + 2 };
    }
  }
  if (open === '"' || open === '<') {
    // within the sentence's window: a search to the end of the text from each of many anchors is quadratic
    const inWindow = text.slice(at + 1, end).indexOf(open === '"' ? '"' : '>');
    const close = inWindow < 0 ? -1 : at + 1 + inWindow;
    if (close > at) {
      const inner = text.slice(at + 1, close).trim();
      const value = open === '<' || isPlaceholder(inner) ? null : inner;
      return { value, end: close + 1 };
    }
  }
  // words between ellipses, a stand-in of the whole value (`on resource: ...Dashboard IAM role...`: aws-samples/aws-iot-
  // twinmaker-samples, docs/grafana_local_docker_setup.md)
  const described = /^(?:\.\.\.|…)[^\s.…][^\n.…]{0,60}? [^\n.…]{1,60}(?:\.\.\.|…)(?=\s|$)/.exec(
    text.slice(at, Math.min(end, at + 130)),
  );
  if (described !== null) return { value: null, end: at + described[0].length };
  // words set in a Markdown emphasis, a stand-in of the whole value (`on resource: _teleport dynamodb table_`:
  // gravitational/teleport#7939)
  if (open === '_') {
    const emphasis = /^_([^_\n]{1,100}\s[^_\n]{1,100})_(?=\s|$|[.,;)])/.exec(
      text.slice(at, Math.min(end, at + 204)),
    );
    if (emphasis !== null) return { value: null, end: at + emphasis[0].length };
  }
  const read = withoutGluedReason(text, spacedName(text, at, end) ?? readToken(text, at, end));
  // a stand-in set in a Markdown emphasis for the ARN's last part, with spaces (`…:table/_custom table_ (Service: …)`:
  // logstash-plugins/logstash-input-kinesis#65): the value runs to the emphasis's close
  const emphasized = /[/:]_[^_\s]{1,40}$/.test(read.value)
    ? /^((?: [^_\s]{1,40}){1,3})_(?=\s|$|[.,;)])/.exec(text.slice(read.end, Math.min(end, read.end + 130)))
    : null;
  const token =
    emphasized === null
      ? read
      : { value: `${read.value}${emphasized[1]}_`, end: read.end + emphasized[0].length };
  // an ARN elided at its end (`arn:aws:lambda:...`) keeps its ellipsis, the stand-in for what was left out; so does a
  // value elided at its start too (`.../memory/harness_E2eHrnsJwt..._...`: aws/agentcore-cli#1626)
  const elided =
    (token.value.startsWith('arn:') || /^(?:\.\.\.|…)\S/.test(token.value)) &&
    /\S(?:\.\.\.|…)$/.test(token.value);
  // a colon that separates the sentence from a label after it (Lambda's Python log: `…:function:f: ClientError`)
  // is no part of the value; an ARN may end in one of its own (`…:log-group::log-stream:`)
  const labelled = token.value.endsWith(':') && /^ [A-Z]/.test(text.slice(token.end, token.end + 2));
  const unlabelled = labelled ? token.value.slice(0, -1) : token.value;
  // a Java SDK's suffix glued to the value where a paste lost the space (`on resource:*(Service:AWSCognito…`,
  // `on resource: CFDeployRole-x(Service: AWSCodePipeline; …`), its colon no label's
  const suffixAt = token.value.indexOf('(Service:');
  const raw = suffixAt > 0 ? token.value.slice(0, suffixAt) : unlabelled;
  const value = elided ? raw : withoutStraySpaces(withoutMarkdown(trimPunctuation(raw)));
  // an empty slot a tool closed with its own parenthesis (`on resource: )`: awslabs/git-remote-s3#24)
  // (or one a retyped paste left with its colons only: `on resource:::`)
  const empty = value === '' || value.startsWith(')') || /^:+$/.test(value);
  // the start of an ARN where the paste was cut (`… on resource: ar` ending the text: helm/charts#6669)
  const cut = value.length >= 2 && 'arn:aws'.startsWith(value) && /^\s*$/.test(text.slice(token.end));
  return { value: empty || cut || isPlaceholder(value) ? null : value, end: token.end };
}

/**
 * A value whose elided end a paste ran into the reason clause (`on resource: arn:aws:kms:eu-central-1:...with an explicit
 * deny in an identity-based policy`: percona/percona-backup-mongodb#1340): the value ends at its ellipsis, the clause
 * starts at its first word.
 */
function withoutGluedReason(
  text: string,
  token: { value: string; end: number },
): { value: string; end: number } {
  const glued = /(?:\.\.\.|…)(with|because)$/.exec(token.value);
  if (glued?.[1] === undefined) return token;
  const rest = glued[1] === 'with' ? ' an explicit deny' : ' no ';
  if (!startsWithAt(text, token.end, rest)) return token;
  return { value: token.value.slice(0, -glued[1].length), end: token.end - glued[1].length };
}

/**
 * Reads up to the next white space, or a `"` that closes a JSON string around the sentence. Stand-ins
 * that may hold spaces are kept whole: a `<placeholder with spaces>`, `[account id]` or `{account-id}`
 * group inside the token, and ` ... ` between two parts of an ARN (`arn:aws:iam:: ... :role/app`).
 */
function readToken(text: string, at: number, end: number): { value: string; end: number } {
  let i = at;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      // a stray space after an ARN's region, before its account (`arn:aws:batch:us-west-2: 123456789012:job/…`:
      // aws/amazon-genomics-cli#205), which `withoutStraySpaces` drops
      if (code === 32 && text.charCodeAt(i - 1) === 58 && ARN_BEFORE_ACCOUNT.test(text.slice(at, i))) {
        ACCOUNT_AFTER_SPACE.lastIndex = i;
        if (ACCOUNT_AFTER_SPACE.test(text)) {
          i++;
          continue;
        }
      }
      const gap = elisionGapAt(text, at, i, end);
      if (gap === 0) break;
      i += gap;
      continue;
    }
    if (code === 34 && i > at) {
      // a quoted stand-in for a field of the ARN (`arn:aws:iam::"my account number":role/app`), else the
      // `"` that closes a JSON string around the sentence
      const quoted = text.charCodeAt(i - 1) === 58 ? quotedFieldEnd(text, i, end) : -1;
      if (quoted < 0) break;
      i = quoted;
      continue;
    }
    // a field's stand-in in parentheses, words and all (`arn:aws:sts::(new account number):assumed-role/…`:
    // aws-ia/terraform-aws-control_tower_account_factory#211)
    if (code === 40 && text.charCodeAt(i - 1) === 58 && i > at) {
      const field = parenthesisedFieldEnd(text, i, end);
      if (field > 0) {
        i = field;
        continue;
      }
    }
    // an XML element's closing tag ends the value (`…:role/app</Message>`); it is no `<stand-in>`
    if (code === 60 && text.charCodeAt(i + 1) === 47) break;
    // so does a line break or tab a string's escaping left in a paste escaped twice (`perform: route53:ListHostedZones\n\tstatus
    // code: 403`, a klog line inside a JSON log's string: kubernetes-sigs/external-dns#1222): no name holds one
    if (code === 92 && i > at && isEscapedBreak(text.charCodeAt(i + 1))) break;
    const close = GROUP_CLOSE[text.charAt(i)];
    if (close !== undefined) {
      // looked for within the group's 40 characters only: an unbounded search from every opener of a
      // long run of openers without a closer (`<<<<…`) is quadratic
      const group = text.slice(i + 1, Math.min(end, i + 41));
      const found = group.indexOf(close);
      if (found >= 0 && !group.slice(0, found).includes('\n')) {
        i += found + 1;
      }
    }
    i++;
  }
  return { value: text.slice(at, i), end: i };
}

/**
 * An action whose service prefix and name a paste parted with a space where a line was wrapped and then joined
 * (`perform: iam: PassRole on resource:`, aws/copilot-cli#5608): the prefix and the capitalised name that follows.
 * An action name holds no space (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */
function splitActionToken(text: string, at: number, end: number): { value: string; end: number } | null {
  // (the prefix also in capitals, as a retyped or recognised paste writes it: `perform:` / `SNS: TagResource`:
  // aws-solutions-library-samples/data-lakes-on-aws 7b88499)
  const m = /^([A-Za-z][A-Za-z0-9-]{0,40}:) ([A-Z][A-Za-z0-9]{1,100})(?=[\s.,]|$)/.exec(
    text.slice(at, Math.min(end, at + 150)),
  );
  return m?.[1] === undefined || m[2] === undefined ? null : { value: m[1] + m[2], end: at + m[0].length };
}

/**
 * An ARN whose resource name holds spaces (a Glue job's `…:job/Copy parking to raw`), read up to the reason clause
 * that follows it on the same line: between `on resource:` and `because no …` / `with an explicit deny` AWS writes
 * the resource alone. `null` when no reason clause follows the first space on its line.
 * https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
 */
function spacedName(text: string, at: number, end: number): { value: string; end: number } | null {
  if (!startsWithAt(text, at, 'arn:')) return null;
  const line = text.slice(at, Math.min(end, at + 600)).split('\n', 1)[0] ?? '';
  const space = line.indexOf(' ');
  if (space < 0 || !line.slice(0, space).includes('/')) return null;
  const reason = /\s(?:because no |with an explicit deny)/.exec(line);
  if (reason === null || reason.index <= space) return null;
  const value = line.slice(0, reason.index);
  // words of a name, not another clause or a second value
  if (!/^[^\s]+(?: [\w.+=@-]+)+$/.test(value)) return null;
  // an IAM name holds no space: the spaces are where a wrapped line was joined (`…:role/cd-paas-ser vice-dev-Role`)
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
  const joined = /^arn:[\w-]+:iam::[^:\s]*:(?:role|user|group|policy|instance-profile)\//.test(value)
    ? value.replace(/ /g, '')
    : value;
  return { value: joined, end: at + reason.index };
}

/** `n`, `r` or `t`: the letter of an escaped line break or tab after a backslash. */
function isEscapedBreak(code: number): boolean {
  return code === 110 || code === 114 || code === 116;
}

/** Closing character of each stand-in group opener. */
const GROUP_CLOSE: Readonly<Record<string, string>> = { '<': '>', '[': ']', '{': '}' };

/** After `(…):` that stands for a whole ARN field (words of at most 40 characters, one line), else -1. */
function parenthesisedFieldEnd(text: string, open: number, end: number): number {
  const m = /^\([A-Za-z][\w -]{0,38}\)(?=:)/.exec(text.slice(open, Math.min(end, open + 42)));
  return m === null ? -1 : open + m[0].length;
}

/** After `"…":` that stands for a whole ARN field (at most 40 characters, one line), else -1. */
function quotedFieldEnd(text: string, open: number, end: number): number {
  const close = text.slice(open + 1, Math.min(end, open + 42)).indexOf('"');
  if (close < 1) return -1;
  const after = open + 1 + close + 1;
  return text.charCodeAt(after) === 58 && !text.slice(open, after).includes('\n') ? after : -1;
}

/**
 * The length of ` ... ` (or ` … `) at `i` when it stands for elided parts inside an ARN token: the token
 * begun at `start` is an ARN and the gap sits at a field or path boundary; also of a lone space that a
 * hand redaction left before a field's colon (`arn:aws:iam::xxxx :user/bob`). 0 otherwise.
 */
function elisionGapAt(text: string, start: number, i: number, end: number): number {
  if (!text.startsWith('arn:', start)) return 0;
  if (isSpacedAccount(text, start, i, end)) return 1;
  const gap = /^ (?:(?:\.\.\.|…) (?=[^\s])|(?=:[^\s]))/.exec(text.slice(i, Math.min(end, i + 6)));
  if (gap === null) return 0;
  const before = text.charAt(i - 1);
  const after = text.charAt(i + gap[0].length);
  return before === ':' || before === '/' || after === ':' || after === '/' ? gap[0].length : 0;
}

/**
 * A stand-in of two words for the account field of an ARN (`arn:aws:sts::Account A:assumed-role/…`,
 * `arn:aws:glue:us-east-1:Account B:database/x`: dbeaver/dbeaver#18786): the space at `i` lies in the fifth field
 * (four colons before it in the token), between a word and a short word that the field's colon ends.
 */
function isSpacedAccount(text: string, start: number, i: number, end: number): boolean {
  const head = text.slice(start, i);
  // (or set between stars, a Markdown emphasis: `arn:aws:sns:us-east-1:*account id*:aaa`, hackingthe.cloud)
  if (!/^arn:[\w-]*:[\w-]*:[\w-]*:\*?[A-Za-z]{2,20}$/.test(head)) return false;
  return /^ [A-Za-z0-9]{1,12}\*?:/.test(text.slice(i, Math.min(end, i + 16)));
}

/** Removes stand-in groups (`<...>`, `[...]`, `{...}`, `:(...):`, ` ... `), which may contain spaces. */
function withoutPlaceholderGroups(value: string): string {
  return value.replace(
    /<[^<>\n]{0,40}>|\[[^[\]\n]{0,40}\]|\{[^{}\n]{0,40}\}|(?<=[:/])`[^`\n]{1,80}`|(?<=:)"[^"\n]{1,40}"(?=:)|(?<=:)\([A-Za-z][\w -]{0,38}\)(?=:)| (?:\.\.\.|…) | (?=:)|(?<=^arn:[\w-]*:[\w-]*:[\w-]*:\*?[A-Za-z]{2,20}) (?=[A-Za-z0-9]{1,12}\*?:)/g,
    '',
  );
}

/**
 * IAM's names for its own resources when it writes a name instead of an ARN (`on resource: role
 * deploy`, `on resource: policy arn:aws:iam::aws:policy/ReadOnlyAccess`), and the ARN resource type each
 * stands for.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
const IAM_NAMED_TYPES: ReadonlyMap<string, string> = new Map([
  ['role', 'role'],
  ['user', 'user'],
  ['group', 'group'],
  ['policy', 'policy'],
  ['instance-profile', 'instance-profile'],
  ['mfa', 'mfa'],
]);

/**
 * Reads the name after an IAM type word: an ARN as written, else the name's ARN in the caller's
 * account (IAM acts only on the caller's own account), else `null`. A reason clause right after the
 * type word is left for the caller.
 */
function readIamName(
  text: string,
  at: number,
  end: number,
  type: string,
  principal: string | null,
): { arn: string | null; name: string | null; rebuilt: boolean; end: number } {
  const start = skipSpace(text, at, end);
  if (startsWithAt(text, start, 'because no ') || startsWithAt(text, start, 'with an explicit deny')) {
    return { arn: null, name: null, rebuilt: false, end: at };
  }
  const token = readToken(text, start, end);
  const name = trimPunctuation(token.value);
  if (name === '' || isPlaceholder(name)) {
    return { arn: null, name: null, rebuilt: false, end: token.end };
  }
  if (name.startsWith('arn:')) {
    return { arn: name, name, rebuilt: false, end: token.end };
  }
  const caller = principal === null ? null : splitArn(principal);
  // a redacted account (`arn:aws:sts::xxx:…`) stays in the rebuilt ARN as written, as a redacted part
  if (caller === null || caller.account === '' || /[\s:/]/.test(caller.account)) {
    return { arn: null, name, rebuilt: false, end: token.end };
  }
  return {
    arn: `arn:${caller.partition}:iam::${caller.account}:${type}/${name}`,
    name,
    rebuilt: true,
    end: token.end,
  };
}

/**
 * `arn:aws:iam::xxxx :user/bob` → `arn:aws:iam::xxxx:user/bob`: a space before a colon is no part of an
 * ARN (the one after an elision, ` ... :`, is part of the stand-in and stays).
 */
function withoutStraySpaces(value: string): string {
  const before = value.includes(' :') ? value.replace(/(?<![.…]) (?=:)/g, '') : value;
  return before.includes(': ') ? before.replace(SPACE_BEFORE_ACCOUNT, '') : before;
}

/** An ARN's start up to the colon after its region: a value that is no more, and one a space parts from its account. */
const ARN_TO_REGION = String.raw`arn:[\w-]{1,20}:[\w-]{1,60}:[a-z0-9-]{0,30}:`;
const ARN_BEFORE_ACCOUNT = new RegExp(`^${ARN_TO_REGION}$`);
const SPACE_BEFORE_ACCOUNT = new RegExp(String.raw`(?<=^${ARN_TO_REGION}) (?=\d{12}:)`);
/** The account that follows a space after the region. */
const ACCOUNT_AFTER_SPACE = / \d{12}:/y;

/**
 * A value copied with the Markdown that renders it: a link's markup (`…/alice@example.com](mailto:alice@example.com)`,
 * `[arn:…](https://…)`), or an ARN's escaped marks (`arn:aws:glue:\\*:\\*:catalog`, no ARN holds a backslash
 * before them): the text shown.
 */
function withoutMarkdown(value: string): string {
  if (value.startsWith('arn:') && value.includes('\\')) value = value.replace(/\\([*_])/g, '$1');
  if (!value.includes('](')) return value;
  const m = /^\[?([^[\]()\s]+)\]\((?:mailto:|https?:\/\/)[^()\s]*\)?$/.exec(value);
  return m?.[1] ?? value;
}

/** `(sts:AssumeRole` (its `)` already trimmed) → `sts:AssumeRole`. */
function withoutParentheses(value: string): string {
  return value.startsWith('(') && !value.includes(')') ? value.slice(1) : value;
}

function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

function startsWithAt(text: string, at: number, phrase: string): boolean {
  return text.slice(at, at + phrase.length).toLowerCase() === phrase;
}

/** Whether `word` is at `at`, followed by white space, punctuation or the end. */
function startsWithWordAt(text: string, at: number, word: string): boolean {
  return startsWithAt(text, at, word) && !/[\w:-]/.test(text.charAt(at + word.length));
}

const TRAILING = new Set(['.', ',', ';', ')', '"', "'", '}', ']', '\\', '…', '`']);

/**
 * Removes sentence punctuation and quoting that follows a token (`...key/abc.` → `...key/abc`); a `}`, `]` or `)` that
 * closes a stand-in of the token (`cluster/${CLUSTER_NAME}`) stays.
 */
export function trimPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && TRAILING.has(value.charAt(end - 1)) && !closesGroup(value, end - 1)) {
    // an elision that ends an ARN is a stand-in of its rest, kept (`on resource: arn:aws:ecr...`)
    if (value.startsWith('arn:') && value.endsWith('...', end) && value.charAt(end - 4) !== '.') break;
    end--;
  }
  let start = 0;
  while (
    start < end &&
    (value.charAt(start) === '"' || value.charAt(start) === "'" || value.charAt(start) === '`')
  ) {
    start++;
  }
  return value.slice(start, end);
}

/**
 * Whether the `}`, `]` or `)` at `at` closes a `{`, `[` or `(` opened earlier in the value (a stand-in in parentheses:
 * `arn:aws:states:eu-west-1:(account):execution:(machinename):(executionname)`, aws/aws-cdk#11688).
 */
function closesGroup(value: string, at: number): boolean {
  const close = value.charAt(at);
  const open = close === '}' ? '{' : close === ']' ? '[' : close === ')' ? '(' : null;
  if (open === null) return false;
  const opened = value.lastIndexOf(open, at);
  // (parentheses around the whole value are the sentence's: `perform: (sts:DecodeAuthorizationMessage)`)
  if (open === '(' && opened === 0) return false;
  return opened >= 0 && value.lastIndexOf(close, at - 1) < opened;
}

/** Whether a token is a stand-in written by whoever pasted the error: `<user-arn>`, `...`, `***`, `XXXX`. */
export function isPlaceholder(value: string): boolean {
  if (
    (value.startsWith('<') && value.endsWith('>')) ||
    (value.startsWith('[') && value.endsWith(']')) ||
    (value.startsWith('{') && value.endsWith('}'))
  ) {
    return true;
  }
  if (value === '*') {
    return false;
  }
  // also the word itself where a template stands it in (the Knowledge Center's `on resource: ARN*`)
  return (
    /^[.*…xX_-]+$/.test(value) ||
    // the letters a redaction runs through (`User: arn:aws:sts::xxx:assumed-role/yyy … on resource: zzz`:
    // aws/aws-parallelcluster#4052)
    /^(?:[yY]{3,}|[zZ]{3,})$/.test(value) ||
    /^\[?(redacted|removed|hidden|snip|snipped)\]?$/i.test(value) ||
    /^(?:ARN|arn)\*?$/.test(value) ||
    // a template's or shell's variable for the whole value (`on resource: $function_arn`: aws/aws-sdk-ruby#706)
    /^\$\{?[A-Za-z_]\w{0,60}\}?$/.test(value) ||
    // a tutorial's stand-in in capitals (`on resource: YOUR_SNS_TOPIC_ARN`, `TABLE_ARN`)
    /^(?:(?:YOUR|MY)_[A-Z0-9_]{1,60}|[A-Z0-9_]{0,60}_ARN)$/.test(value) ||
    // (or the slot's own name in capitals, `on resource: RESOURCE`: aws-amplify/amplify-cli's tests)
    /^(?:RESOURCE|PRINCIPAL|USER|ROLE)$/.test(value)
  );
}
