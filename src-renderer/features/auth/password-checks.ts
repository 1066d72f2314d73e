import {
  checkPasswordPolicy,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
  type PasswordRule,
} from '../../../src-shared/password-policy';

export type CheckState = 'met' | 'unmet' | 'untested' | 'checked-by-hub';

export interface PasswordCheck {
  readonly rule: PasswordRule;
  readonly state: CheckState;
  /** For `similar`: which field the password is too close to. */
  readonly similarTo?: keyof PasswordContext;
}

export { PASSWORD_MIN_LENGTH };

const contextFields: readonly (keyof PasswordContext)[] = [
  'username',
  'email',
  'firstName',
  'lastName',
];

/**
 * The shared policy as a live checklist. The common-password list is large
 * and lives on the hub, so that rule is only checked on submit.
 */
export function passwordChecks(password: string, context: PasswordContext): PasswordCheck[] {
  // With nothing to compare against (a reset link names no account), only the hub can judge similarity.
  const knowsAnyField = contextFields.some((field) => context[field]);
  if (password === '') {
    return [
      { rule: 'length', state: 'untested' },
      { rule: 'numeric', state: 'untested' },
      { rule: 'similar', state: knowsAnyField ? 'untested' : 'checked-by-hub' },
      { rule: 'common', state: 'checked-by-hub' },
    ];
  }
  const failed = new Set(checkPasswordPolicy(password, context).map((problem) => problem.rule));
  const similarTo = failed.has('similar') ? findSimilarField(password, context) : undefined;

  return [
    { rule: 'length', state: failed.has('length') ? 'unmet' : 'met' },
    { rule: 'numeric', state: failed.has('numeric') ? 'unmet' : 'met' },
    {
      rule: 'similar',
      state: !knowsAnyField ? 'checked-by-hub' : failed.has('similar') ? 'unmet' : 'met',
      ...(similarTo ? { similarTo } : {}),
    },
    { rule: 'common', state: 'checked-by-hub' },
  ];
}

/** True when every rule the browser can check is met. */
export function passwordLooksAcceptable(password: string, context: PasswordContext): boolean {
  return passwordChecks(password, context).every(
    (check) => check.state === 'met' || check.state === 'checked-by-hub',
  );
}

/** The policy names the field in English; asking per field gives us the field itself, to translate. */
function findSimilarField(password: string, context: PasswordContext) {
  return contextFields.find((field) =>
    checkPasswordPolicy(password, { [field]: context[field] }).some((p) => p.rule === 'similar'),
  );
}
