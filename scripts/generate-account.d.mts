/** Types of scripts/generate-account.mjs for the tests that import it. */
export const ACCOUNT_ID: string;
export const ORG_ID: string;
export const TEAMS: readonly string[];
export const REGIONS: readonly string[];

export interface AccountOptions {
  roles?: number;
  policies?: number;
  users?: number;
  groups?: number;
  seed?: number;
  documents?: 'object' | 'url-encoded';
}

/** The output of `aws iam get-account-authorization-details` as the CLI prints it. */
export interface GeneratedAccountDetails {
  UserDetailList: Record<string, unknown>[];
  GroupDetailList: Record<string, unknown>[];
  RoleDetailList: Record<string, unknown>[];
  Policies: Record<string, unknown>[];
  IsTruncated: boolean;
}

export function generateAccount(options?: AccountOptions): {
  account: GeneratedAccountDetails;
  organization: Record<string, unknown>;
  accountId: string;
};

export function writeAccount(options: AccountOptions & { out: string }): {
  accountFile: string;
  orgFile: string;
  accountId: string;
  roles: number;
  users: number;
  groups: number;
  policies: number;
};
