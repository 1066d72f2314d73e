import { ClusterClient } from './cluster-client';
import { startProcessCluster, type ProcessCluster } from './cluster-processes';
import { call, type CallOptions } from './http';
import { signUp, type Person } from './people';
import type { TestHub } from './start-hub';
import type { RouteName } from '../../src-shared/api';

/**
 * A class on a three-node school hub: a teacher and `students` in one
 * session, every one of them connected through nginx, spread evenly over the
 * nodes (each from its own loopback address, as nginx hashes sockets by
 * address).
 */
export async function startClusterClass(students: number) {
  const cluster = await startProcessCluster(3);
  const viaNginx = (name: RouteName, options?: CallOptions) => call(cluster.url, name, options);
  // signUp only needs `call`: everything goes through nginx, like a student's app.
  const front = { call: viaNginx } as unknown as TestHub;
  await signUp(front); // the admin
  const teacher = await signUp(front, { role: 'teacher' });
  const session = await viaNginx('createSession', {
    token: teacher.token,
    body: { title: 'Physics' },
  });
  if (session.status !== 201) throw new Error(`createSession: ${JSON.stringify(session.body)}`);
  const sessionId = session.body.id as string;
  const room = `session:${sessionId}`;
  const people: Person[] = [teacher];
  for (let i = 0; i < students; i++) {
    const student = await signUp(front);
    const joined = await viaNginx('joinSession', {
      token: student.token,
      body: { token: session.body.joinToken },
    });
    if (joined.status !== 200) throw new Error(`joinSession: ${JSON.stringify(joined.body)}`);
    people.push(student);
  }
  const clients = await connectSpread(cluster, people, [room]);
  const stop = async () => {
    for (const client of clients) client.close();
    await cluster.stop();
  };
  return { cluster, viaNginx, teacher, people, sessionId, room, clients, stop };
}

/**
 * Connects each person from the next loopback address whose hash lands on a
 * node that still has room, so the class is split evenly over the nodes
 * whatever nginx's hash does with these particular addresses.
 */
async function connectSpread(
  cluster: ProcessCluster,
  people: readonly Person[],
  rooms: readonly string[],
): Promise<ClusterClient[]> {
  const perNode = Math.ceil(people.length / cluster.nodes.length);
  const count = new Map<string, number>();
  const clients: ClusterClient[] = [];
  let next = 2;
  for (const person of people) {
    for (;;) {
      if (next > 250) throw new Error('ran out of loopback addresses to spread the class');
      const address = `127.0.0.${next++}`;
      const client = await ClusterClient.connect(cluster.url, person.token, address, rooms);
      const landed = count.get(client.node) ?? 0;
      if (landed < perNode) {
        count.set(client.node, landed + 1);
        clients.push(client);
        break;
      }
      client.close();
    }
  }
  return clients;
}
