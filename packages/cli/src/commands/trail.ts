import { type AnalyzeInput, analyze, createCatalog } from '@whydenied/core';
import {
  compileTrailFilter,
  groupsFromSqlRows,
  parseSqlResult,
  type TrailFilterOptions,
  type TrailGroup,
  trailSql,
  trailSqlDdl,
} from '@whydenied/core/trail';
import { Option } from 'commander';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { readEvidenceInputs } from '../evidence-inputs.js';
import { readInput } from '../io.js';
import { liveOptions } from '../live.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { styleFor } from '../render/style.js';
import { terminalSafeStrings } from '../render/terminal-safe.js';
import { trailSarif } from '../render/trail-sarif.js';
import { renderTrailText, type TrailReport, type TrailReportGroup } from '../render/trail-text.js';
import { progressOn } from '../trail/progress.js';
import { isS3Path, listS3Sources } from '../trail/s3-sources.js';
import { defaultJobs, SHARD_MIN_BYTES, scanInPool } from '../trail/scan-pool.js';
import type { ScanResult } from '../trail/scan-source.js';
import { listTrailSources } from '../trail/trail-files.js';
import type { CommandSpec } from './command.js';

interface TrailOptions {
  readonly format: OutputFormat;
  readonly since?: string;
  readonly until?: string;
  readonly principal?: string;
  readonly action?: string;
  readonly account?: string[];
  readonly eventSource?: string;
  readonly top: number;
  readonly jobs?: number;
  readonly org?: string;
  readonly resourcePolicy?: string[];
  readonly sql?: string;
  readonly table?: string;
  readonly sqlDdl?: boolean;
  readonly fromSqlResult?: string;
  readonly profile?: string;
  readonly region?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const ACCOUNT_ID = /^\d{12}$/;

function positive(name: string): (value: string) => number {
  return (value) => {
    if (!/^[1-9]\d{0,6}$/.test(value))
      throw usageError(`${name} takes a positive whole number, got \`${value}\``);
    return Number(value);
  };
}

/**
 * `whydenied trail PATH...`: every denial in CloudTrail logs (files or folders, any layout, gzip or
 * not, `-` for standard input), grouped by role, action, resource pattern, code and layer; the top
 * groups diagnosed through the same pipeline as `diagnose`, with the evidence given.
 */
export const trailCommand: CommandSpec = {
  name: 'trail',
  summary: 'every denial in a CloudTrail archive (files or folders), grouped and diagnosed',
  formats: ['text', 'json', 'ndjson', 'sarif'],
  formatHelp: 'output format: text, json, ndjson (one group per line) or sarif (one result per group)',
  configure(command) {
    command
      .usage('[options] PATH...')
      .argument(
        '[path...]',
        'log files or folders (recursively; `-` for standard input), or s3://bucket/prefix (read-only, live)',
      )
      .option('--since <time>', 'events at or after this ISO 8601 date or date-time')
      .option('--until <time>', 'events before this ISO 8601 date or date-time')
      .option('--principal <glob>', 'the role, user or session (IAM wildcards `*` and `?`)')
      .option('--action <glob>', 'the denied action (IAM wildcards, any case)')
      .addOption(
        new Option(
          '--account <id|file>',
          'a 12-digit id: only events of that account; else a file of get-account-authorization-details output (evidence)',
        ).argParser(collect),
      )
      .option('--event-source <source>', 'the service: `s3.amazonaws.com` or `s3`')
      .addOption(
        new Option('--top <n>', 'the groups shown, most events first')
          .default(20)
          .argParser(positive('--top')),
      )
      .addOption(
        new Option('--jobs <n>', 'worker threads (default: one per core, at most one per file)').argParser(
          positive('--jobs'),
        ),
      )
      .addOption(new Option('--org <file>', 'an organization snapshot (evidence)'))
      .addOption(
        new Option('--resource-policy <arn=file>', 'the resource-based policy of ARN (evidence)').argParser(
          collect,
        ),
      )
      .addOption(
        new Option('--sql <dialect>', 'print the same analysis as a query instead').choices([
          'athena',
          'trino',
        ]),
      )
      .option('--table <name>', 'with --sql or --sql-ddl: the CloudTrail table (default cloudtrail_logs)')
      .option(
        '--sql-ddl',
        "print AWS's documented CREATE TABLE for CloudTrail logs with partition projection",
      )
      .option('--from-sql-result <file>', "diagnose the groups of the query's result (Athena's CSV or JSON)")
      .option('--profile <name>', 'with s3:// paths: the named profile of the shared AWS config files')
      .option('--region <region>', "with s3:// paths: the region of the client (the bucket's is followed)");
  },
  async run({ io, command, args }) {
    const opts = command.opts<TrailOptions>();
    const paths = (args[0] as string[] | undefined) ?? [];
    const accounts = (opts.account ?? []).filter((a) => ACCOUNT_ID.test(a));
    if (accounts.length > 1) throw usageError('--account takes one account id to filter on');
    const filter: TrailFilterOptions = {
      ...(opts.since === undefined ? {} : { since: opts.since }),
      ...(opts.until === undefined ? {} : { until: opts.until }),
      ...(opts.principal === undefined ? {} : { principal: opts.principal }),
      ...(opts.action === undefined ? {} : { action: opts.action }),
      ...(accounts[0] === undefined ? {} : { account: accounts[0] }),
      ...(opts.eventSource === undefined ? {} : { eventSource: opts.eventSource }),
    };
    const compiled = compileTrailFilter(filter);
    if (!compiled.ok) throw usageError(`--${compiled.problem.option} ${compiled.problem.message}`);
    const table = opts.table ?? 'cloudtrail_logs';
    if (opts.sqlDdl === true) {
      io.stdout.write(trailSqlDdl({ table }));
      return EXIT_OK;
    }
    if (opts.sql !== undefined) {
      io.stdout.write(
        trailSql({ dialect: opts.sql === 'athena' ? 'athena' : 'trino', table, filter, examples: 5 }),
      );
      return EXIT_OK;
    }
    const evidence = await readEvidence(opts, io);
    if (opts.fromSqlResult !== undefined) {
      if (paths.length > 0) throw usageError('give either log PATHs or --from-sql-result, not both');
      const input = await readInput(opts.fromSqlResult, io);
      const parsed = parseSqlResult(input.text);
      if (!parsed.ok) throw inputError(`${input.name}: ${parsed.message}`);
      const groups = groupsFromSqlRows(parsed.value);
      if (!groups.ok) throw inputError(`${input.name}: row ${groups.problem.row}: ${groups.problem.message}`);
      const denials = groups.value.reduce((n, g) => n + g.count, 0);
      const scan = { groups: groups.value, records: null, failed: null, denials, files: 1 };
      return report(scan, opts, evidence, io, input.name);
    }
    if (paths.length === 0)
      throw usageError(
        'give the log files or folders to read (PATH...), or --sql, --sql-ddl, --from-sql-result',
      );
    const files = await listTrailSources(paths.filter((p) => !isS3Path(p)));
    const s3 = await listS3Sources(
      paths.filter(isS3Path),
      timesOf(filter),
      liveOptions({
        ...(opts.profile === undefined ? {} : { profile: opts.profile }),
        ...(opts.region === undefined ? {} : { region: opts.region }),
      }),
      io,
    );
    const sources = [...files, ...s3.sources];
    const progress = progressOn(
      io.stderr as NodeJS.WritableStream & { isTTY?: boolean },
      sources.reduce((n, s) => n + s.size, 0),
    );
    const shardMin = shardMinBytes(io.env.WHYDENIED_TRAIL_SHARD_MIN_BYTES);
    let scan: ScanResult;
    try {
      scan = await scanInPool(
        sources,
        { filter, examples: 5 },
        opts.jobs ?? defaultJobs(sources, shardMin),
        io.stdin,
        (bytes, records) => progress.add(bytes, records),
        shardMin,
      );
    } finally {
      progress.done();
      s3.close();
    }
    return report({ ...scan, files: sources.length }, opts, evidence, io, sources[0]?.path ?? '-');
  },
};

/** From which size a plain log is cut into shards for the workers (tests set it low); the default else. */
function shardMinBytes(value: string | undefined): number {
  return value !== undefined && /^[1-9]\d{0,12}$/.test(value) ? Number(value) : SHARD_MIN_BYTES;
}

/** The event times asked for, as epoch milliseconds (a date alone is UTC midnight, as the filter reads it). */
function timesOf(filter: TrailFilterOptions): { sinceMs?: number; untilMs?: number } {
  const ms = (value: string) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return {
    ...(filter.since === undefined ? {} : { sinceMs: ms(filter.since) }),
    ...(filter.until === undefined ? {} : { untilMs: ms(filter.until) }),
  };
}

/** What the groups came from: logs read (with their counts) or a query's result rows. */
interface Found {
  readonly groups: readonly TrailGroup[];
  readonly files: number;
  readonly records: number | null;
  readonly failed: number | null;
  readonly denials: number;
}

/** Diagnoses the top groups with the evidence and prints them in the format asked. */
async function report(
  found: Found,
  opts: TrailOptions,
  evidence: readonly AnalyzeInput[],
  io: Parameters<CommandSpec['run']>[0]['io'],
  /** Where results go that have no place of their own (SARIF): the query result, else the first input. */
  fallbackFile: string,
): Promise<number> {
  const catalog = createCatalog(createNodeCatalogSource());
  const groups: TrailReportGroup[] = [];
  for (const group of found.groups.slice(0, opts.top)) {
    const { example, events, exampleAt: _at, ...rest } = group;
    let diagnosis: TrailReportGroup['diagnosis'] = null;
    if (example !== null) {
      const analysis = await analyze({
        inputs: [{ id: `event ${events[0]?.eventId ?? ''}`, kind: 'error', text: example }, ...evidence],
        options: { catalog },
      });
      // an evidence file that does not read is the user's to fix, once
      const unusable = analysis.diagnostics.filter(
        (d) => d.severity === 'error' && evidence.some((e) => e.id === d.source),
      );
      if (unusable.length > 0) throw inputError(firstProblem(unusable));
      diagnosis = analysis.diagnosis;
    }
    groups.push({ ...rest, eventIds: events.map((e) => e.eventId), diagnosis });
  }
  const summary: TrailReport = {
    files: found.files,
    records: found.records,
    failed: found.failed,
    denials: found.denials,
    groupCount: found.groups.length,
    groups,
  };
  if (opts.format === 'json') io.stdout.write(toJsonText(summary));
  else if (opts.format === 'ndjson') io.stdout.write(groups.map((g) => `${JSON.stringify(g)}\n`).join(''));
  else if (opts.format === 'sarif') {
    const places = found.groups.slice(0, opts.top).map((g) => g.exampleAt);
    io.stdout.write(toJsonText(trailSarif(summary, places, fallbackFile)));
  } else {
    io.stdout.write(
      renderTrailText(terminalSafeStrings(summary), styleFor(io.stdout as { isTTY?: boolean }, io.env), {
        evidence: evidence.length > 0,
      }),
    );
  }
  return EXIT_OK;
}

/** The evidence files, read as `diagnose` reads them; a file that does not read is named by analyze. */
async function readEvidence(
  opts: TrailOptions,
  io: Parameters<CommandSpec['run']>[0]['io'],
): Promise<AnalyzeInput[]> {
  // a 12-digit `--account` filters the trail's accounts; any other value is an account file
  return readEvidenceInputs(
    { ...opts, account: (opts.account ?? []).filter((a) => !ACCOUNT_ID.test(a)) },
    io,
  );
}
