import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * SARIF 2.1.0 output, as GitHub code scanning reads it, for any command that reports findings at
 * places in files (`lint`, `plan`): the caller gives the rules and the results, this module knows
 * nothing of where they came from.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */

/** A finding's level as whydenied names it; SARIF's `note` is our `info`. */
export type SarifSeverity = 'error' | 'warning' | 'info';

/** A rule (a kind of finding) with the metadata GitHub shows beside each alert. */
export interface SarifRuleInput {
  /** The stable id results name in `ruleId` (`condition-key-not-sent`). */
  readonly id: string;
  /** One line: what the rule finds. */
  readonly description: string;
  /** The longer advice, plain text (shown as the alert's help). */
  readonly help: string;
  /** The page that explains the problem. */
  readonly helpUri: string;
  /** The level of its results when they name none. */
  readonly severity: SarifSeverity;
}

/** One finding at a place in a file. */
export interface SarifResultInput {
  readonly ruleId: string;
  readonly severity: SarifSeverity;
  /** The message, plain text. */
  readonly message: string;
  /** The file as the user named it; a relative path is taken relative to the repository root. */
  readonly file: string;
  /** 1-based line and column (UTF-16 code units) of the start, and optionally of the end. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /**
   * Where in the file, beyond line and column: a policy name, a Terraform address, a JSON pointer.
   * Shown as the result's logical location.
   */
  readonly logicalLocation?: string;
  /** Several logical locations (each named, with its kind); when given, `logicalLocation` is not used. */
  readonly logicalLocations?: readonly SarifLogicalLocation[];
  /** Facts of the finding for tools, as the result's property bag. */
  readonly properties?: Readonly<Record<string, unknown>>;
  /**
   * What identifies the finding within its file whatever its line: by default the rule, the logical
   * location and the message. Results with equal identities in one file are told apart by their order.
   */
  readonly identity?: string;
}

/** A logical location: a name and, optionally, its kind (`principal`, `action`). */
export interface SarifLogicalLocation {
  readonly fullyQualifiedName: string;
  readonly kind?: string;
}

/** The tool that produced the results. */
export interface SarifToolInput {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

/** The key of our fingerprint in `partialFingerprints`; bump the version when its inputs change. */
export const FINGERPRINT_KEY = 'whydenied/v1';

const LEVEL: Readonly<Record<SarifSeverity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A SARIF 2.1.0 log of one run: the tool with its rules (every rule a result names, those not given
 * listed with their id alone), and the results with their physical location (file, line, column),
 * logical location and a fingerprint that survives lines moving (`partialFingerprints`).
 */
export function toSarif(input: {
  readonly tool: SarifToolInput;
  readonly rules: readonly SarifRuleInput[];
  readonly results: readonly SarifResultInput[];
}): Record<string, unknown> {
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of input.results) {
    if (index.has(r.ruleId)) continue;
    index.set(r.ruleId, rules.length);
    rules.push({
      id: r.ruleId,
      description: r.ruleId,
      help: r.ruleId,
      helpUri: input.tool.informationUri,
      severity: r.severity,
    });
  }
  const seen = new Map<string, number>();
  const results = input.results.map((r) => {
    const identity = r.identity ?? `${r.logicalLocation ?? ''}\u0000${r.message}`;
    const base = `${r.ruleId}\u0000${normalizedPath(r.file)}\u0000${identity}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const region: Record<string, number> = { startLine: r.line, startColumn: r.column };
    if (r.endLine !== undefined) region.endLine = r.endLine;
    if (r.endColumn !== undefined) region.endColumn = r.endColumn;
    return {
      ruleId: r.ruleId,
      ruleIndex: index.get(r.ruleId),
      level: LEVEL[r.severity],
      message: { text: r.message },
      locations: [
        {
          physicalLocation: { artifactLocation: artifactLocation(r.file), region },
          ...(r.logicalLocations !== undefined
            ? { logicalLocations: r.logicalLocations }
            : r.logicalLocation === undefined
              ? {}
              : { logicalLocations: [{ fullyQualifiedName: r.logicalLocation }] }),
        },
      ],
      ...(r.properties === undefined ? {} : { properties: r.properties }),
      partialFingerprints: {
        [FINGERPRINT_KEY]: `${createHash('sha256').update(base).digest('hex').slice(0, 32)}:${occurrence + 1}`,
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            informationUri: input.tool.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.help },
              helpUri: r.helpUri,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** `condition-key-not-sent` → `ConditionKeyNotSent`, the form SARIF viewers show as a rule name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function normalizedPath(file: string): string {
  return file.replaceAll('\\', '/').replace(/^\.\//, '');
}

/**
 * A relative path stays relative to the repository root (`%SRCROOT%`); an absolute one is a `file:`
 * URI; a URI (`s3://bucket/key`, its segments encoded by the caller) is kept.
 */
function artifactLocation(file: string): Record<string, string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return { uri: file };
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = normalizedPath(file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}
