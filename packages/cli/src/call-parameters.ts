import { usageError } from './cli-error.js';

/**
 * Reads `--param KEY=VALUE` pairs into the call's parameters: a dotted key builds nested objects
 * (`iamInstanceProfile.name=web`), a numeric segment an array index (`blockDeviceMappings.0.ebs.encrypted=true`),
 * and a key given several times a list (`securityGroupIds=sg-1 --param securityGroupIds=sg-2`). Values stay
 * strings; the call rules read booleans and numbers from strings.
 */
export function parseCallParameters(pairs: readonly string[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const path = at <= 0 ? [] : pair.slice(0, at).split('.');
    if (
      path.length === 0 ||
      path.some((s) => s === '' || s === '__proto__' || s === 'constructor' || s === 'prototype')
    ) {
      throw usageError(`--param takes KEY=VALUE (KEY may be dotted), got \`${pair}\``);
    }
    const value = pair.slice(at + 1);
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] as string;
      const nextIsIndex = /^\d+$/.test(path[i + 1] as string);
      const key = Array.isArray(node) ? Number(segment) : segment;
      const existing: unknown = (node as Record<string | number, unknown>)[key];
      let child: Record<string, unknown> | unknown[];
      if (typeof existing === 'object' && existing !== null) {
        child = existing as Record<string, unknown> | unknown[];
      } else if (existing === undefined) {
        child = nextIsIndex ? [] : {};
        (node as Record<string | number, unknown>)[key] = child;
      } else {
        throw usageError(
          `--param \`${pair}\` conflicts with an earlier value of \`${path.slice(0, i + 1).join('.')}\``,
        );
      }
      node = child;
    }
    const last = path[path.length - 1] as string;
    const key = Array.isArray(node) ? Number(last) : last;
    const existing: unknown = (node as Record<string | number, unknown>)[key];
    (node as Record<string | number, unknown>)[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return root;
}
