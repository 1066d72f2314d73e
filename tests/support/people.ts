import type { Role } from '../../src-shared/schemas/accounts';
import type { TestHub } from './start-hub';

export const GOOD_PASSWORD = 'Lantern-Orbit-42';

export interface Person {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly token: string;
  readonly refreshToken: string;
}

let counter = 0;

/** Registers someone with sensible defaults; `username` and `role` are what tests usually care about. */
export function newcomer(
  overrides: Partial<{
    username: string;
    role: Role;
    email: string;
    password: string;
    firstName: string;
    lastName: string;
  }> = {},
) {
  const n = ++counter;
  const username = overrides.username ?? `person${n}_${Math.random().toString(36).slice(2, 7)}`;
  return {
    username,
    firstName: overrides.firstName ?? 'Robin',
    lastName: overrides.lastName ?? 'Quill',
    email: overrides.email ?? `${username.toLowerCase()}@school.test`,
    password: overrides.password ?? GOOD_PASSWORD,
    role: overrides.role ?? ('student' as Role),
  };
}

/** Registers and signs in (the hub must not require verification for this person, or be the first account). */
export async function signUp(
  hub: TestHub,
  overrides: Parameters<typeof newcomer>[0] = {},
): Promise<Person> {
  const input = newcomer(overrides);
  const registered = await hub.call('register', { body: input });
  if (registered.status !== 201)
    throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const signedIn = await hub.call('signIn', {
    body: { username: input.username, password: input.password },
  });
  if (signedIn.status !== 200)
    throw new Error(`sign-in failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return {
    id: signedIn.body.account.id,
    username: input.username,
    email: input.email,
    token: signedIn.body.tokens.accessToken,
    refreshToken: signedIn.body.tokens.refreshToken,
  };
}
