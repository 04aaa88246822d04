/** A one-line progress report on standard error when it is a terminal: bytes read of the total, records/s. */
export interface Progress {
  add(bytes: number, records: number): void;
  done(): void;
}

/** Progress on `stream` when it is a terminal (redrawn at most ten times a second), else nothing. */
export function progressOn(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  totalBytes: number,
): Progress {
  if (stream.isTTY !== true) return { add: () => undefined, done: () => undefined };
  const started = Date.now();
  let bytes = 0;
  let records = 0;
  let drawn = 0;
  let shown = false;
  return {
    add(more, moreRecords) {
      bytes += more;
      records += moreRecords;
      const now = Date.now();
      if (now - drawn < 100) return;
      drawn = now;
      shown = true;
      const seconds = Math.max(0.001, (now - started) / 1000);
      const of = totalBytes > 0 ? ` / ${size(totalBytes)} (${Math.floor((100 * bytes) / totalBytes)}%)` : '';
      stream.write(
        `\r\x1b[Ktrail: ${size(bytes)}${of}, ${Math.round(records / seconds).toLocaleString('en-US')} records/s`,
      );
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** A byte count for people: `312.4 MB`. */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
