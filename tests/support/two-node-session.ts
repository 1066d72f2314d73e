import { startNodes, type TestNodes } from './cluster';
import { signUp, type Person } from './people';
import { connectSocket, type ClientSocket } from './sockets';
import type { TestHub } from './start-hub';

export interface TwoNodeSession {
  readonly cluster: TestNodes;
  readonly a: TestHub;
  readonly b: TestHub;
  readonly teacher: Person;
  /** In the order asked for, each signed up on the node named for them. */
  readonly students: Person[];
  readonly sessionId: string;
  /** A socket of `person` connected to `node`; stop() closes it. */
  online(node: TestHub, person: Person): Promise<ClientSocket>;
  stop(): Promise<void>;
}

/**
 * Two hub nodes on one database with a class in session: the admin and the
 * teacher signed up on A, each student on the node named for them, and a
 * session the teacher hosts on A that every student joined through B — so
 * every account and membership has crossed nodes before a test begins.
 */
export async function startTwoNodeSession(
  studentNodes: readonly ('a' | 'b')[],
  title = 'Lenses',
): Promise<TwoNodeSession> {
  const cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
  const [a, b] = cluster.nodes as [TestHub, TestHub];
  const sockets: ClientSocket[] = [];
  const stop = async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await cluster.stop();
  };
  try {
    await signUp(a); // the admin
    const teacher = await signUp(a, { role: 'teacher' });
    const students: Person[] = [];
    for (const node of studentNodes) students.push(await signUp(node === 'a' ? a : b));
    const session = await a.call('createSession', {
      token: teacher.token,
      body: { title, description: '' },
    });
    if (session.status !== 201) throw new Error(`createSession: ${JSON.stringify(session.body)}`);
    for (const student of students) {
      const joined = await b.call('joinSession', {
        token: student.token,
        body: { token: session.body.joinToken },
      });
      if (joined.status !== 200) throw new Error(`joinSession: ${JSON.stringify(joined.body)}`);
    }
    return {
      cluster,
      a,
      b,
      teacher,
      students,
      sessionId: session.body.id as string,
      async online(node, person) {
        const socket = await connectSocket(node.url, person.token);
        sockets.push(socket);
        return socket;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
