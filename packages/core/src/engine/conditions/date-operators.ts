import type { ComparisonOperator } from './condition-operator.js';
import { orderedOperators } from './ordered-operators.js';

const W3C_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const EPOCH = /^-?\d+(\.\d+)?$/;

/**
 * Reads a date as milliseconds since the epoch: a W3C profile of ISO 8601 (`2024`, `2024-01`,
 * `2024-01-01`, `2024-01-01T12:00Z`, `2024-01-01T12:00:00.5+02:00`; no zone means UTC) or epoch
 * seconds. Values of five or more digits are read as epoch seconds, four digits as a year.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (t.length !== 4 && EPOCH.test(t)) return Number(t) * 1000;
  const m = W3C_DATE.exec(t);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
    return undefined;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (frac !== undefined) ms += Math.round(Number(`0${frac}`) * 1000);
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    ms -= sign * offset * 60_000;
  }
  return ms;
}

/**
 * The date operators; a request value that is not a date never matches.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export const DATE_OPERATORS: readonly ComparisonOperator[] = orderedOperators('Date', parseDate);
