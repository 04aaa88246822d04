/** Whether a condition is a denying statement's: the access holds unless it is met. */
export function isUnless(effect: string): boolean {
  return effect === 'unless' || effect === 'Deny';
}
