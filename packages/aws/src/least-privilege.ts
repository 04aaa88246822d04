import { OPERATIONS } from './operations.js';

/**
 * The least-privilege identity policy that lets a user run live mode fully: exactly the read actions
 * of the operations table, nothing else. (The actions need `"Resource": "*"` here: the resources are
 * whatever the error names, known only at run time.)
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function liveModePolicy(): { Version: string; Statement: Record<string, unknown>[] } {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WhydeniedLiveReadOnly',
        Effect: 'Allow',
        Action: Object.keys(OPERATIONS).sort(),
        Resource: '*',
      },
    ],
  };
}
