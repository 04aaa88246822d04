import type { PolicyLayer } from '../engine/layers.js';
import type { DenyType, FailureKind } from '../errors/failure.js';
import type { LookalikeId } from '../errors/lookalikes.js';
import { isJsonObject } from '../json/is-json-object.js';
import type { TrailGroup } from './trail-groups.js';
import { TRAIL_SQL_COLUMNS } from './trail-sql.js';

/** Why result rows cannot be read: the row (1-based) and what is wrong. */
export interface SqlResultProblem {
  readonly code: 'missing-column' | 'bad-row';
  readonly row: number;
  readonly message: string;
}

/**
 * The groups of {@link trailSql}'s result rows, as Athena returns them: objects by column name (JSON),
 * values as strings or numbers, arrays as arrays or as Athena's CSV text `[a, b]`. Each group's example
 * is a record rebuilt from the row's `example_*` columns, for diagnosis.
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying.html
 */
export function groupsFromSqlRows(
  rows: readonly unknown[],
): { ok: true; value: TrailGroup[] } | { ok: false; problem: SqlResultProblem } {
  const groups: TrailGroup[] = [];
  for (const [index, row] of rows.entries()) {
    if (!isJsonObject(row))
      return { ok: false, problem: { code: 'bad-row', row: index + 1, message: 'a row is no object' } };
    const missing = TRAIL_SQL_COLUMNS.find((column) => !(column in row));
    if (missing !== undefined) {
      return {
        ok: false,
        problem: { code: 'missing-column', row: index + 1, message: `no column \`${missing}\`` },
      };
    }
    const count = Number(row.count);
    if (!Number.isInteger(count) || count < 1) {
      return {
        ok: false,
        problem: { code: 'bad-row', row: index + 1, message: '`count` is no positive whole number' },
      };
    }
    const text = (key: string): string | null => {
      const value = row[key];
      return value === null || value === undefined || value === '' ? null : String(value);
    };
    const example = {
      eventSource: text('example_event_source') ?? '',
      eventName: text('example_event_name') ?? '',
      errorCode: text('error_code') ?? '',
      ...(text('example_error_message') === null ? {} : { errorMessage: text('example_error_message') }),
      userIdentity: text('example_caller') === null ? {} : { arn: text('example_caller') },
      ...(text('example_resource') === null ? {} : { resources: [{ ARN: text('example_resource') }] }),
      eventID: list(row.event_ids)[0] ?? null,
    };
    groups.push({
      principal: text('principal'),
      action: text('action'),
      resourcePattern: text('resource_pattern'),
      errorCode: text('error_code') ?? '',
      reasonLayer: text('reason_layer') as PolicyLayer | null,
      kind: (text('kind') ?? 'authorization') as FailureKind,
      lookalike: text('lookalike') as LookalikeId | null,
      denyType: text('deny_type') as DenyType | null,
      count,
      firstSeen: text('first_seen'),
      lastSeen: text('last_seen'),
      events: list(row.event_ids).map((eventId) => ({ eventId, eventTime: null })),
      accounts: list(row.accounts),
      regions: list(row.regions),
      example: JSON.stringify(example),
      exampleAt: null,
    });
  }
  return { ok: true, value: groups };
}

/** An array column: a JSON array, or Athena's CSV rendering `[a, b, c]`. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(String);
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  return inner === '' ? [] : inner.split(', ').map((v) => v.trim());
}

/**
 * The rows of a query result as Athena gives them: the CSV file it writes (a header row, every value
 * in double quotes), `aws athena get-query-results` JSON (`ResultSet.Rows`, the first row the header),
 * a JSON array of row objects, or JSON Lines of row objects.
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying.html
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html
 */
export function parseSqlResult(
  text: string,
): { ok: true; value: unknown[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (Array.isArray(value)) return { ok: true, value };
      if (isJsonObject(value) && isJsonObject(value.ResultSet) && Array.isArray(value.ResultSet.Rows)) {
        const cells = value.ResultSet.Rows.map((row) =>
          isJsonObject(row) && Array.isArray(row.Data)
            ? row.Data.map((d) =>
                isJsonObject(d) && typeof d.VarCharValue === 'string' ? d.VarCharValue : null,
              )
            : [],
        );
        return { ok: true, value: objectsOf(cells) };
      }
      return { ok: false, message: 'JSON that is no list of rows and no `get-query-results` output' };
    } catch {
      const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
      try {
        return { ok: true, value: lines.map((line) => JSON.parse(line) as unknown) };
      } catch {
        return { ok: false, message: 'neither JSON, JSON Lines nor CSV' };
      }
    }
  }
  return { ok: true, value: objectsOf(csvCells(text)) };
}

/** Rows of cells, the first the header, as objects by column name. */
function objectsOf(cells: readonly (readonly (string | null)[])[]): Record<string, string | null>[] {
  const [header = [], ...rows] = cells;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name ?? '', row[i] ?? null])));
}

/** RFC 4180 CSV: quoted values with `""` for a quote, fields separated by commas, rows by line ends. */
function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
