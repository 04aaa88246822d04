/**
 * @packageDocumentation
 * `@whydenied/core/access`. Who can do what in an account: `who-can` (every principal allowed one action
 * on one resource, with the deciding statements and the conditions left open) and `what-can` (every
 * action one principal is allowed), both over the evidence's exact policy sets and the engine.
 */

export {};
