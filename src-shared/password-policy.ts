/**
 * The password policy, shared so the register form can show each rule live
 * and the hub enforces the same rules. The common-password list is large, so
 * the hub passes its lookup in; the renderer may leave it out.
 */
export const PASSWORD_MIN_LENGTH = 8;
/** Share of characters two strings have in common, above which they count as "too similar". */
const MAX_SIMILARITY = 0.7;

export interface PasswordContext {
  username?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

export type PasswordRule = 'length' | 'numeric' | 'similar' | 'common';
export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

const fieldLabels: Record<keyof PasswordContext, string> = {
  username: 'username',
  email: 'email address',
  firstName: 'first name',
  lastName: 'last name',
};

export function checkPasswordPolicy(
  password: string,
  context: PasswordContext,
  isCommon?: (password: string) => boolean,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ rule: 'length', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
  }
  if (/^\d+$/.test(password)) {
    problems.push({ rule: 'numeric', message: 'Use more than digits: add letters or symbols.' });
  }
  const similarTo = findSimilarField(password, context);
  if (similarTo) {
    problems.push({ rule: 'similar', message: `Too similar to your ${fieldLabels[similarTo]}.` });
  }
  if (isCommon?.(password)) {
    problems.push({
      rule: 'common',
      message: 'This password is too common: it is on lists attackers try first.',
    });
  }
  return problems;
}

function findSimilarField(
  password: string,
  context: PasswordContext,
): keyof PasswordContext | undefined {
  const candidate = password.toLowerCase();
  for (const field of Object.keys(fieldLabels) as (keyof PasswordContext)[]) {
    const value = context[field]?.toLowerCase();
    if (!value) continue;
    // Like Django: compare with the whole value and with each word of it ("emma.stone@x.org" → emma, stone, x, org).
    const parts = [value, ...value.split(/\W+/)].filter((part) => part.length >= 3);
    if (parts.some((part) => isSimilar(candidate, part))) return field;
  }
  return undefined;
}

function isSimilar(password: string, part: string): boolean {
  if (part.length >= 4 && password.includes(part) && part.length * 2 >= password.length)
    return true;
  return similarity(password, part) >= MAX_SIMILARITY;
}

/**
 * 2·LCS / (|a| + |b|): the share of characters the two strings have in
 * common, in order — close to the ratio Django's validator uses.
 */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  return (2 * longestCommonSubsequence(a, b)) / (a.length + b.length);
}

/** Passwords are at most 128 characters, so the O(n·m) table stays small. */
function longestCommonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current.push(
        a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
