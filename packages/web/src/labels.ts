// The labels live in core so that the CLI and the page say the same words.
export { KIND_HEADLINE, LAYER_NAME, OWNER, requestContextLine } from '@whydenied/core';
