/**
 * @packageDocumentation
 * The platform-neutral core of whydenied. It imports nothing from Node or the DOM; the CLI and the
 * web page inject input and render output.
 */

// --- diagnostics and JSON ---
export type { Diagnostic, Position, Severity, Span } from './diagnostics/diagnostic.js';
export { type JsonParseResult, parseJson } from './json/parse-json.js';

// --- errors: reading pasted AWS errors ---

// --- policy and engine: parsing and evaluating policies ---
