import { checkPasswordPolicy, type PasswordContext } from '../../../src-shared/password-policy';
import { DomainError } from '../../domain-error';

/** The shared policy plus the shipped common-password list; every rule becomes a field message. */
export function assertPasswordAllowed(
  password: string,
  context: PasswordContext,
  isCommon: (password: string) => boolean,
  field = 'password',
): void {
  const problems = checkPasswordPolicy(password, context, isCommon);
  if (problems.length === 0) return;
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), {
    fields: problems.map((p) => ({ path: field, message: p.message })),
  });
}
