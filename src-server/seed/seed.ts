import { api, buildPath, type RouteName, type RouteResponse } from '../../src-shared/api';
import { createHub } from '../hub';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-world';

interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  token?: string;
}

/**
 * Fills an empty data folder with the demo world by driving a hub through
 * its own REST API, so demo data obeys exactly the rules real data does.
 */
export async function seedDemoWorld(
  dataDir: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'warn',
    verification: 'approval',
  });
  const call = async <N extends RouteName>(
    name: N,
    options: CallOptions = {},
  ): Promise<RouteResponse<N>> => {
    const route = api[name];
    const response = await fetch(new URL(buildPath(route.path, options.params), hub.url), {
      method: route.method.toUpperCase(),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
    });
    const body = response.status === 204 ? undefined : await response.json();
    if (!response.ok)
      throw new Error(`${name} failed (${response.status}): ${JSON.stringify(body)}`);
    return body as RouteResponse<N>;
  };
  try {
    const health = await call('health');
    const existing = await call('register', {
      body: { ...personInput(DEMO_PEOPLE[0]!), password: DEMO_PASSWORD },
    }).catch((error: Error) => error);
    if (existing instanceof Error)
      throw new Error(
        `This data folder already has accounts (${existing.message}). Seed an empty folder, or pass --reset.`,
      );
    const adminToken = existing.tokens!.accessToken;
    for (const person of DEMO_PEOPLE.slice(1)) {
      const registered = await call('register', {
        body: { ...personInput(person), password: DEMO_PASSWORD },
      });
      await call('approveAccount', {
        token: adminToken,
        params: { userId: registered.account.id },
      });
    }
    for (const person of DEMO_PEOPLE) {
      const { tokens } = await call('signIn', {
        body: { username: person.username, password: DEMO_PASSWORD, device: 'seed' },
      });
      await call('updateMe', {
        token: tokens.accessToken,
        body: {
          bio: person.bio,
          ...(person.student ? { student: person.student } : {}),
          ...(person.teacher ? { teacher: person.teacher } : {}),
        },
      });
      for (const text of person.statusUpdates)
        await call('postStatusUpdate', { token: tokens.accessToken, body: { text } });
      await call('signOut', { token: tokens.accessToken });
    }
    log(`Seeded ${DEMO_PEOPLE.length} accounts into ${hub.dataDir} (hub ${health.version}).`);
    log(`Every demo account's password: ${DEMO_PASSWORD}`);
    log(
      `  admin (admin)  ·  prof_davis, dr_okafor (teachers)  ·  emma1, liam_w, sofia_r (students)`,
    );
  } finally {
    await hub.close();
  }
}

function personInput(person: (typeof DEMO_PEOPLE)[number]) {
  const { username, firstName, lastName, email, role } = person;
  return { username, firstName, lastName, email, role };
}
