/**
 * @packageDocumentation
 * `@whydenied/core/trail`. Every denial in a CloudTrail archive: the record splitter for streamed log
 * bytes, the reading of one record as a denial or a look-alike, filters, and the grouping accumulator.
 */

export {
  createRecordSplitter,
  type RecordSplitter,
  type RecordSplitterOptions,
  type RecordsDepth,
  type SplitPosition,
  type SplitProblem,
} from './trail/record-splitter.js';
export {
  readTrailDenial,
  resourcePattern,
  type TrailDenial,
  type TrailRecordReading,
} from './trail/trail-denial.js';
export {
  compileTrailFilter,
  type TrailFilter,
  type TrailFilterOptions,
  type TrailFilterProblem,
} from './trail/trail-filter.js';
export {
  createTrailGrouping,
  type TrailEventRef,
  type TrailGroup,
  type TrailGrouping,
  type TrailGroupingOptions,
  trailGroupKey,
} from './trail/trail-groups.js';
export {
  createTrailScan,
  looksLikeTrailLog,
  TRAIL_HEAD_BYTES,
  type TrailScan,
  type TrailScanCounts,
  type TrailScanOptions,
  type TrailScanProblem,
  type TrailShardEnd,
  type Utf8Decoder,
} from './trail/trail-scan.js';
export {
  evenCuts,
  joinTrailShards,
  planTrailShards,
  recordsDepthOf,
  SHARD_WINDOW_BYTES,
  shardStartIn,
  type TrailShardPlan,
  type TrailShardResult,
} from './trail/trail-shards.js';
export { TRAIL_SQL_COLUMNS, type TrailSqlOptions, trailSql } from './trail/trail-sql.js';
export { type TrailDdlOptions, trailSqlDdl } from './trail/trail-sql-ddl.js';
export { groupsFromSqlRows, parseSqlResult, type SqlResultProblem } from './trail/trail-sql-result.js';
