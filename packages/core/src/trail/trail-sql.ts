import { renamedOperations } from '../catalog/operations.js';
import { RESOURCE_PARAMETERS } from '../errors/cloudtrail.js';
import { POLICY_TYPES } from '../errors/denial-sentence.js';
import { AUTHORIZATION_CODES, LOOKALIKE_RULES } from '../errors/lookalikes.js';
import type { TrailFilterOptions } from './trail-filter.js';

/** Options of {@link trailSql}. */
export interface TrailSqlOptions {
  /** `athena` adds the partition projection's `timestamp` bounds for `since`/`until`; both are Trino SQL. */
  readonly dialect: 'athena' | 'trino';
  /** The table AWS documents for CloudTrail logs (default `cloudtrail_logs`). */
  readonly table?: string;
  readonly filter?: TrailFilterOptions;
  /** How many example event ids a group keeps (default 5). */
  readonly examples?: number;
}

/** The columns of each result row, in order; {@link groupsFromSqlRows} reads them back. */
export const TRAIL_SQL_COLUMNS = [
  'principal',
  'action',
  'resource_pattern',
  'error_code',
  'reason_layer',
  'count',
  'first_seen',
  'last_seen',
  'kind',
  'lookalike',
  'deny_type',
  'event_ids',
  'accounts',
  'regions',
  'example_event_source',
  'example_event_name',
  'example_error_message',
  'example_caller',
  'example_resource',
] as const;

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A LIKE pattern (with `\` as escape) for an IAM wildcard: `*` any run, `?` one character. */
function likeOf(glob: string): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return quote(out);
}

/**
 * The look-alike rules as one ordered CASE over `code` and `lowered` (`code: message`, lower-cased),
 * first match wins, as the error reader tries them.
 */
function lookalikeCase(): string {
  const whens = LOOKALIKE_RULES.map((rule) => {
    const tests = [
      ...(rule.codes === undefined || rule.codes.length === 0
        ? []
        : [`code IN (${rule.codes.map(quote).join(', ')})`]),
      ...(rule.codeSuffixes ?? []).map((suffix) => `code LIKE ${likeOf(`*${suffix}`)} ESCAPE '\\'`),
      ...(rule.phrases ?? []).map((phrase) => `strpos(lowered, ${quote(phrase.toLowerCase())}) > 0`),
    ];
    const gate = rule.overridesDenial === true ? '' : 'NOT has_sentence AND ';
    return `      WHEN ${gate}(${tests.join(' OR ') || 'false'}) THEN ${quote(rule.id)}`;
  });
  return `CASE\n${whens.join('\n')}\n    END`;
}

function kindCase(): string {
  const whens = LOOKALIKE_RULES.map((rule) => `      WHEN ${quote(rule.id)} THEN ${quote(rule.kind)}`);
  return `CASE lookalike\n${whens.join('\n')}\n      ELSE 'authorization'\n    END`;
}

/** Operations authorised under another action name, by (service, operation lower-cased). */
function renamedCase(): string {
  const whens = renamedOperations().map(
    (r) =>
      `      WHEN service = ${quote(r.service)} AND lower(operation) = ${quote(r.operation.toLowerCase())} THEN ${quote(r.action)}`,
  );
  return `CASE\n${whens.join('\n')}\n      ELSE service || ':' || operation\n    END`;
}

/** The reason clause's policy type, longest phrases first, as the denial sentence reads it. */
function layerCase(): string {
  const alternatives = POLICY_TYPES.map(([phrase]) => phrase).join('|');
  const whens = POLICY_TYPES.map(([phrase, layer]) => `      WHEN ${quote(phrase)} THEN ${quote(layer)}`);
  return `CASE nullif(regexp_extract(lower(message), '(?:because no |with an explicit deny in (?:an?|the) )(${alternatives})', 1), '')\n${whens.join('\n')}\n    END`;
}

/**
 * The Trino query (Athena engine 3, Trino) over the CloudTrail table AWS documents that gives the
 * groups `whydenied trail` gives on the same logs: failed events that are authorization failures or
 * look-alikes, by (role — not session —, action, resource pattern, code, layer), with counts, first and
 * last seen, example event ids, accounts and regions. The reader's code sets, look-alike rules,
 * renamed operations and policy-type phrases are written into it from the same tables.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html
 * @see https://trino.io/docs/current/functions.html
 */
export function trailSql(options: TrailSqlOptions): string {
  const table = options.table ?? 'cloudtrail_logs';
  const examples = Math.max(1, options.examples ?? 5);
  const f = options.filter ?? {};
  const where: string[] = ["errorcode IS NOT NULL AND errorcode <> ''"];
  const since = f.since === undefined ? null : isoOf(f.since);
  const until = f.until === undefined ? null : isoOf(f.until);
  if (since !== null) where.push(`eventtime >= ${quote(since)}`);
  if (until !== null) where.push(`eventtime < ${quote(until)}`);
  if (options.dialect === 'athena') {
    // the partition projection's `timestamp` (yyyy/MM/dd) bounds what Athena reads
    if (since !== null) where.push(`"timestamp" >= ${quote(since.slice(0, 10).replaceAll('-', '/'))}`);
    if (until !== null) where.push(`"timestamp" <= ${quote(until.slice(0, 10).replaceAll('-', '/'))}`);
  }
  if (f.eventSource !== undefined) {
    const s = quote(f.eventSource.toLowerCase());
    where.push(`(lower(eventsource) = ${s} OR split_part(lower(eventsource), '.', 1) = ${s})`);
  }
  const kept: string[] = ['keep'];
  if (f.principal !== undefined) {
    const p = likeOf(f.principal);
    kept.push(`(principal LIKE ${p} ESCAPE '\\' OR caller LIKE ${p} ESCAPE '\\')`);
  }
  if (f.action !== undefined) kept.push(`lower(action) LIKE lower(${likeOf(f.action)}) ESCAPE '\\'`);
  if (f.account !== undefined) kept.push(`account = ${quote(f.account)}`);
  const first = "coalesce(eventtime, '') || coalesce(eventid, '')";
  const earliest = (column: string) => `nullif(min_by(coalesce(${column}, ''), ${first}), '')`;
  return `-- whydenied trail: every denial and look-alike, grouped by role, action, resource pattern, code and layer
WITH failed AS (
  SELECT
    eventtime, eventid, eventsource, eventname, awsregion, errormessage, requestparameters, resources,
    regexp_replace(errorcode, '^(?:Client|Server)\\.', '') AS code,
    coalesce(errormessage, '') AS message,
    lower(regexp_replace(errorcode, '^(?:Client|Server)\\.', '') || ': ' || coalesce(errormessage, '')) AS lowered,
    regexp_like(coalesce(errormessage, ''), '(?i)not authorized to perform:?\\s*(?:[^t\\s]|t[^h]|th[^i]|thi[^s]|this[^\\s.,;:])') AS has_sentence,
    CASE
      WHEN useridentity.type = 'AssumedRole' AND nullif(useridentity.sessioncontext.sessionissuer.arn, '') IS NOT NULL
        THEN useridentity.sessioncontext.sessionissuer.arn
    END AS issuer,
    CASE
      WHEN nullif(useridentity.arn, '') IS NOT NULL THEN useridentity.arn
      WHEN useridentity.type = 'AWSService' THEN nullif(useridentity.invokedby, '')
      WHEN useridentity.type = 'AWSAccount' AND nullif(useridentity.accountid, '') IS NOT NULL
        AND (nullif(useridentity.principalid, '') IS NULL OR useridentity.principalid = useridentity.accountid)
        THEN 'arn:aws:iam::' || useridentity.accountid || ':root'
      WHEN useridentity.type = 'Anonymous' OR useridentity.principalid = 'anonymous' THEN 'anonymous'
    END AS caller,
    coalesce(nullif(recipientaccountid, ''), nullif(useridentity.accountid, '')) AS account,
    CASE
      WHEN NOT regexp_like(lower(split_part(eventsource, '.', 1)), '^[a-z0-9-]+$') THEN NULL
      WHEN lower(split_part(eventsource, '.', 1)) = 'monitoring' THEN 'cloudwatch'
      WHEN lower(split_part(eventsource, '.', 1)) = 'email' THEN 'ses'
      ELSE lower(split_part(eventsource, '.', 1))
    END AS service
  FROM ${table}
  WHERE ${where.join('\n    AND ')}
), classified AS (
  SELECT *,
    ${lookalikeCase()} AS lookalike,
    CASE
      WHEN service = 'lambda' AND regexp_like(eventname, '^[A-Za-z]+[0-9]{8}(?:v[0-9]+)?$') THEN regexp_extract(eventname, '^([A-Za-z]+)', 1)
      WHEN service = 'cloudfront' AND regexp_like(eventname, '^[A-Za-z]+[0-9]{4}_[0-9]{2}_[0-9]{2}$') THEN regexp_extract(eventname, '^([A-Za-z]+)', 1)
      ELSE eventname
    END AS operation,
    nullif(regexp_extract(message, '(?i)not authorized to perform:?\\s*\\(?([A-Za-z0-9-]+:[A-Za-z0-9*]+)', 1), '') AS stated_action,
    coalesce(
      element_at(filter(resources, r -> r.arn IS NOT NULL), 1).arn,
${resourceParameters()}
      CASE WHEN service = 's3' AND nullif(json_extract_scalar(requestparameters, '$.bucketName'), '') IS NOT NULL
        THEN 'arn:aws:s3:::' || json_extract_scalar(requestparameters, '$.bucketName')
          || coalesce('/' || nullif(json_extract_scalar(requestparameters, '$.key'), ''), '') END,
      CASE WHEN service = 'ssm' AND account IS NOT NULL AND nullif(awsregion, '') IS NOT NULL
          AND nullif(json_extract_scalar(requestparameters, '$.name'), '') IS NOT NULL
        THEN 'arn:aws:ssm:' || awsregion || ':' || account || ':parameter'
          || CASE WHEN starts_with(json_extract_scalar(requestparameters, '$.name'), '/') THEN '' ELSE '/' END
          || json_extract_scalar(requestparameters, '$.name') END,
      nullif(regexp_extract(message, 'on resource: "?([^"\\s]*[^"\\s.,;:])', 1), '')
    ) AS resource
  FROM failed
), denials AS (
  SELECT *,
    ${kindCase()} AS kind,
    lookalike IS NOT NULL OR has_sentence OR code IN (${[...AUTHORIZATION_CODES].map(quote).join(', ')}) AS keep,
    coalesce(issuer, CASE
      WHEN regexp_like(caller, '^arn:[^:]*:sts::[^:]*:assumed-role/[^/]+/')
        THEN 'arn:' || split_part(caller, ':', 2) || ':iam::' || split_part(caller, ':', 5) || ':role/' || split_part(split_part(caller, ':', 6), '/', 2)
      ELSE caller
    END) AS principal,
    CASE
      WHEN stated_action IS NOT NULL THEN lower(split_part(stated_action, ':', 1)) || ':' || split_part(stated_action, ':', 2)
      WHEN service IS NULL OR operation IS NULL THEN NULL
      ELSE ${renamedCase()}
    END AS action,
    CASE
      WHEN regexp_like(resource, '^arn:[^:]*:s3:::[^/]*/') THEN regexp_extract(resource, '^(arn:[^:]*:s3:::[^/]*/)', 1) || '*'
      ELSE resource
    END AS resource_pattern,
    ${layerCase()} AS reason_layer,
    CASE
      WHEN regexp_like(lower(message), 'because no (?:${POLICY_TYPES.map(([p]) => p).join('|')})') THEN 'implicit'
      WHEN strpos(lower(message), 'with an explicit deny') > 0 THEN 'explicit'
    END AS deny_type
  FROM classified
)
SELECT
  principal, action, resource_pattern, code AS error_code, reason_layer,
  count(*) AS count,
  min(eventtime) AS first_seen,
  max(eventtime) AS last_seen,
  ${earliest('kind')} AS kind,
  ${earliest('lookalike')} AS lookalike,
  ${earliest('deny_type')} AS deny_type,
  slice(array_agg(eventid ORDER BY coalesce(eventtime, ''), eventid) FILTER (WHERE eventid IS NOT NULL AND eventid <> ''), 1, ${examples}) AS event_ids,
  array_sort(array_agg(DISTINCT account) FILTER (WHERE account IS NOT NULL)) AS accounts,
  array_sort(array_agg(DISTINCT awsregion) FILTER (WHERE awsregion IS NOT NULL AND awsregion <> '')) AS regions,
  ${earliest('eventsource')} AS example_event_source,
  ${earliest('eventname')} AS example_event_name,
  ${earliest('errormessage')} AS example_error_message,
  ${earliest('caller')} AS example_caller,
  ${earliest('resource')} AS example_resource
FROM denials
WHERE ${kept.join('\n  AND ')}
GROUP BY principal, action, resource_pattern, code, reason_layer
ORDER BY count(*) DESC, principal, action, resource_pattern, code, reason_layer
`;
}

/** The request parameters that name the resource by ARN, in the reader's order. */
function resourceParameters(): string {
  return RESOURCE_PARAMETERS.map(
    (key) =>
      `      CASE WHEN starts_with(json_extract_scalar(requestparameters, '$.${key}'), 'arn:') THEN json_extract_scalar(requestparameters, '$.${key}') END,`,
  ).join('\n');
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A time option as CloudTrail writes `eventTime` (`2026-01-31T12:00:00Z`), or `null` when it does not read. */
function isoOf(value: string): string | null {
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.000Z$/, 'Z') : null;
}
