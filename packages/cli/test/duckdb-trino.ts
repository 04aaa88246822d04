import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * The Trino functions `trail --sql` uses that DuckDB names otherwise, as DuckDB macros; the rest of
 * the query is common to both.
 */
const SHIMS = [
  'CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)',
  'CREATE MACRO slice(l, s, n) AS list_slice(l, s, s + n - 1)',
  'CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p)',
  'CREATE MACRO element_at(l, i) AS list_extract(l, i)',
];

/**
 * An in-memory DuckDB with the shims and a `cloudtrail_logs` table of the columns AWS documents for
 * CloudTrail in Athena (`requestparameters` as JSON text), read from CloudTrail records as JSON Lines.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
export async function duckdbOverTrail(ndjsonFile: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  for (const shim of SHIMS) await connection.run(shim);
  await connection.run(`CREATE TABLE cloudtrail_logs AS
    SELECT userIdentity AS useridentity, eventTime AS eventtime, eventSource AS eventsource,
      eventName AS eventname, awsRegion AS awsregion, errorCode AS errorcode, errorMessage AS errormessage,
      CAST(requestParameters AS VARCHAR) AS requestparameters, eventID AS eventid,
      resources, recipientAccountId AS recipientaccountid
    FROM read_json('${ndjsonFile.replaceAll("'", "''")}', format = 'newline_delimited', columns = {
      userIdentity: 'STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, invokedBy VARCHAR,
        sessionContext STRUCT(sessionIssuer STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, userName VARCHAR)))',
      eventTime: 'VARCHAR', eventSource: 'VARCHAR', eventName: 'VARCHAR', awsRegion: 'VARCHAR',
      errorCode: 'VARCHAR', errorMessage: 'VARCHAR', requestParameters: 'JSON', eventID: 'VARCHAR',
      resources: 'STRUCT(ARN VARCHAR, accountId VARCHAR, type VARCHAR)[]', recipientAccountId: 'VARCHAR'
    })`);
  return connection;
}
