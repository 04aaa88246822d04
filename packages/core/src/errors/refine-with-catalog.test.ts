import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { readError } from './read-error.js';
import { refineWithCatalog } from './refine-with-catalog.js';

const CASES: readonly {
  readonly name: string;
  readonly input: string;
  readonly expected: { service: string | null; action: string | null; actionSource: string | null };
}[] = [
  {
    name: 'an operation of one service only resolves to its action',
    input:
      'An error occurred (AccessDeniedException) when calling the CreateWorkspaces operation: Access denied',
    expected: { service: 'workspaces', action: 'workspaces:CreateWorkspaces', actionSource: 'operation' },
  },
  {
    name: 'an operation several services have stays unresolved',
    input:
      'An error occurred (AccessDeniedException) when calling the DescribeFileSystems operation: Access denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'an operation no service has stays unresolved',
    input:
      'An error occurred (AccessDenied) when calling the NoSuchOperationAnywhere operation: Access Denied',
    expected: { service: null, action: null, actionSource: null },
  },
  {
    name: 'what the curated table resolves is left as it is',
    input: 'An error occurred (AccessDenied) when calling the CreateMultipartUpload operation: Access Denied',
    expected: { service: 's3', action: 's3:PutObject', actionSource: 'operation' },
  },
];

describe('refineWithCatalog', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const read = readError(c.input);
    if (!read.ok) throw new Error(read.diagnostics[0]?.message);
    const refined = await refineWithCatalog(read.value, nodeCatalog());
    expect({
      service: refined.failure.service,
      action: refined.failure.action,
      actionSource: refined.actionSource,
    }).toEqual(c.expected);
    expect(refined.unknowns.some((u) => u.code === 'action-not-named')).toBe(c.expected.action === null);
  });
});
