/**
 * Fault runs: real hubs in child processes, killed with SIGKILL while people
 * chat and upload, and run out of disk space on a small tmpfs, counting every
 * write the hub acknowledged and checking each one is still there (once).
 *
 * `npx tsx bench/fault-runs.ts --trials N` (default 10 of each kind);
 * `--only chat|uploads|disk` runs one kind.
 * The disk-full part mounts a tmpfs, so it needs root; otherwise it is skipped
 * with the reason printed.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtHubCli } from './support/bench-hub';
import { startChildHub, type ChildHub } from '../tests/support/child-hub';
import { upload } from '../tests/support/files';
import { call } from '../tests/support/http';
import { newcomer } from '../tests/support/people';
import { connectSocket, type ClientSocket } from '../tests/support/sockets';
import { fillDisk, mountTmpfs } from '../tests/support/tmpfs';

interface Tally {
  trials: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  hubExits: number;
  failedRestarts: number;
  refusedFull: number;
  notes: string[];
}

const newTally = (): Tally => ({
  trials: 0,
  acknowledged: 0,
  lost: 0,
  duplicates: 0,
  hubExits: 0,
  failedRestarts: 0,
  refusedFull: 0,
  notes: [],
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------- the scene

interface Scene {
  url: string;
  teacher: string;
  students: string[];
  courseId: string;
  deadlineId: string;
  room: string;
}

const PASSWORD = 'Lantern-Orbit-42';

async function signIn(url: string, username: string): Promise<string> {
  const reply = await call(url, 'signIn', { body: { username, password: PASSWORD } });
  if (reply.status !== 200)
    throw new Error(`sign-in ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body.tokens.accessToken as string;
}

async function registerAndSignIn(url: string, username: string, role: 'teacher' | 'student') {
  const reply = await call(url, 'register', {
    body: newcomer({ username, role, password: PASSWORD }),
  });
  if (reply.status !== 201)
    throw new Error(`register ${reply.status}: ${JSON.stringify(reply.body)}`);
  return signIn(url, username);
}

/** An admin, a teacher with a course and a deadline, and three enrolled students. */
async function buildScene(url: string): Promise<Scene> {
  await registerAndSignIn(url, 'admin', 'teacher');
  const teacher = await registerAndSignIn(url, 'teacher', 'teacher');
  const course = await call(url, 'createCourse', {
    token: teacher,
    body: { title: 'Physics', capacity: 30 },
  });
  const courseId = course.body.id as string;
  const deadline = await call(url, 'createDeadline', {
    token: teacher,
    params: { courseId },
    body: { title: 'Essay', dueAt: '2099-01-01T00:00:00Z' },
  });
  const students: string[] = [];
  for (const name of ['amy', 'ben', 'cat']) {
    const token = await registerAndSignIn(url, name, 'student');
    await call(url, 'enrol', { token, params: { courseId } });
    students.push(token);
  }
  return {
    url,
    teacher,
    students,
    courseId,
    deadlineId: deadline.body.id as string,
    room: `course:${courseId}`,
  };
}

/** Signs the same people in again on a restarted hub. */
async function refreshScene(scene: Scene, url: string): Promise<Scene> {
  return {
    ...scene,
    url,
    teacher: await signIn(url, 'teacher'),
    students: [await signIn(url, 'amy'), await signIn(url, 'ben'), await signIn(url, 'cat')],
  };
}

// ---------------------------------------------------------------- chat

interface ChatLedger {
  /** clientId → text, each answered `ok` by the hub. */
  acked: Map<string, { text: string; sender: number }>;
  /** Sent but never answered (in flight at the kill): resent after the restart. */
  pending: Map<string, { text: string; sender: number }>;
  refusedFull: number;
}

const newChatLedger = (): ChatLedger => ({ acked: new Map(), pending: new Map(), refusedFull: 0 });

/** Several people send into the course room until stopped or the hub goes away. */
function chatUntilStopped(
  scene: Scene,
  ledger: ChatLedger,
  tag: string,
  textBytes = 40,
  pace = 340,
) {
  let stopped = false;
  const sockets: ClientSocket[] = [];
  const tokens = [scene.teacher, ...scene.students];
  const loops = tokens.map(async (token, sender) => {
    const socket = await connectSocket(scene.url, token).catch(() => undefined);
    if (!socket) return;
    sockets.push(socket);
    for (let i = 0; !stopped && socket.connected; i++) {
      const clientId = randomUUID();
      const text = `${tag}-${sender}-${i} ${'x'.repeat(textBytes)}`;
      ledger.pending.set(clientId, { text, sender });
      const ack = await socket
        .timeout(10_000)
        .emitWithAck('chat:send', { room: scene.room, clientId, text })
        .catch(() => undefined);
      if (ack?.ok) {
        ledger.pending.delete(clientId);
        ledger.acked.set(clientId, { text, sender });
        // Under the hub's 30 messages per 10 s per person, so the kill lands among accepted writes.
        await pause(pace);
      } else if (ack && ack.error.code === 'STORAGE_FULL') {
        ledger.pending.delete(clientId);
        ledger.refusedFull++;
        await pause(50);
      } else if (ack) {
        ledger.pending.delete(clientId); // refused for another reason: never stored
      }
    }
  });
  return async () => {
    stopped = true;
    await Promise.all(loops);
    for (const socket of sockets) socket.disconnect();
  };
}

async function chatHistory(scene: Scene): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let before: number | undefined;
  for (;;) {
    const reply = await call(scene.url, 'chatHistory', {
      token: scene.teacher,
      params: { room: scene.room },
      query: before ? { limit: 100, before } : { limit: 100 },
    });
    if (reply.status !== 200) throw new Error(`history ${reply.status}`);
    for (const item of reply.body.items as { text: string }[])
      counts.set(item.text, (counts.get(item.text) ?? 0) + 1);
    if (reply.body.nextBefore === undefined) return counts;
    before = reply.body.nextBefore as number;
  }
}

/** Every acknowledged message exactly once; returns [lost, duplicates]. */
function checkChat(history: Map<string, number>, expected: Iterable<{ text: string }>) {
  let lost = 0;
  let duplicates = 0;
  for (const { text } of expected) {
    const seen = history.get(text) ?? 0;
    if (seen === 0) lost++;
    if (seen > 1) duplicates += seen - 1;
  }
  return [lost, duplicates] as const;
}

/** Resends the unanswered messages with their client ids, as a reconnecting app does. */
async function resendPending(scene: Scene, ledger: ChatLedger) {
  const tokens = [scene.teacher, ...scene.students];
  for (const [clientId, { text, sender }] of ledger.pending) {
    const reply = await call(scene.url, 'sendMessage', {
      token: tokens[sender]!,
      params: { room: scene.room },
      body: { clientId, text },
    });
    if (reply.status === 201 || reply.status === 200) ledger.acked.set(clientId, { text, sender });
  }
  ledger.pending.clear();
}

// ---------------------------------------------------------------- uploads

interface UploadAck {
  kind: 'upload' | 'material' | 'submission';
  /** Index into [teacher, ...students]: who uploaded it. */
  by: number;
  fileId: string;
  sha: string;
  id?: string;
}

interface UploadLedger {
  acked: UploadAck[];
  refusedFull: number;
}

/** Plain text (checked by content on the hub), so every size is accepted. */
const textFile = (bytes: number) => Buffer.from(randomBytes(bytes / 2).toString('hex'));

async function uploadOne(scene: Scene, by: number, ledger: UploadLedger, bytes: number) {
  const token = [scene.teacher, ...scene.students][by]!;
  const data = textFile(bytes);
  const reply = await upload(
    `${scene.url}/api/uploads`,
    token,
    'file',
    data,
    'notes.txt',
    'text/plain',
    'POST',
  );
  if (reply.status === 507) ledger.refusedFull++;
  if (reply.status !== 201) return undefined;
  const acked: UploadAck = {
    kind: 'upload',
    by,
    fileId: reply.body.id as string,
    sha: sha256(data),
  };
  ledger.acked.push(acked);
  return acked;
}

/** Teachers add materials and a student hands in, concurrently, until stopped. */
function uploadUntilStopped(scene: Scene, ledger: UploadLedger, maxBytes: number) {
  let stopped = false;
  const materialLoop = async () => {
    while (!stopped) {
      const file = await uploadOne(scene, 0, ledger, Math.round(between(2_000, maxBytes)));
      if (!file) continue;
      const added = await call(scene.url, 'addMaterial', {
        token: scene.teacher,
        params: { courseId: scene.courseId },
        body: { fileId: file.fileId },
      });
      if (added.status === 507) ledger.refusedFull++;
      if (added.status === 201)
        ledger.acked.push({ ...file, kind: 'material', id: added.body.id as string });
    }
  };
  const submissionLoop = async () => {
    while (!stopped) {
      const file = await uploadOne(scene, 1, ledger, Math.round(between(2_000, maxBytes)));
      if (!file) continue;
      const submitted = await call(scene.url, 'submit', {
        token: scene.students[0]!,
        params: { deadlineId: scene.deadlineId },
        body: { fileIds: [file.fileId], clientId: randomUUID() },
      });
      if (submitted.status === 507) ledger.refusedFull++;
      if (submitted.status === 201)
        ledger.acked.push({ ...file, kind: 'submission', id: submitted.body.id as string });
    }
  };
  const guard = (loop: () => Promise<void>) => loop().catch(() => undefined); // the hub went away
  const loops = [
    guard(materialLoop),
    guard(materialLoop),
    guard(materialLoop),
    guard(submissionLoop),
  ];
  return async () => {
    stopped = true;
    await Promise.all(loops);
  };
}

async function download(url: string, path: string, token: string) {
  const response = await fetch(new URL(path, url), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, sha: sha256(Buffer.from(await response.arrayBuffer())) };
}

async function allMaterials(scene: Scene) {
  const items: { id: string; file: { id: string; sha256: string } }[] = [];
  for (let page = 1; ; page++) {
    const reply = await call(scene.url, 'materials', {
      token: scene.teacher,
      params: { courseId: scene.courseId },
      query: { page, pageSize: 100 },
    });
    items.push(...(reply.body.items as typeof items));
    if (page * 100 >= (reply.body.total as number)) return items;
  }
}

/**
 * Every acknowledged material and submission is listed and downloads with the
 * bytes that were sent; every acknowledged (unattached) upload can still be
 * attached; every listed material's bytes match its checksum (nothing
 * half-received is served). Returns the number of acknowledged writes lost.
 */
async function checkUploads(scene: Scene, ledger: UploadLedger, dataDir: string, notes: string[]) {
  let lost = 0;
  const materials = await allMaterials(scene);
  for (const material of materials) {
    const got = await download(scene.url, `/api/materials/${material.id}/file`, scene.teacher);
    if (got.status !== 200 || got.sha !== material.file.sha256) {
      lost++;
      notes.push(`material ${material.id} served ${got.status} with other bytes`);
    }
  }
  const listed = new Set(materials.map((m) => m.id));
  const mine = await call(scene.url, 'mySubmissions', {
    token: scene.students[0]!,
    params: { deadlineId: scene.deadlineId },
  });
  const mineVersions = mine.body.versions as { id: string; files: { id: string }[] }[];
  const versions = new Set(mineVersions.map((v) => v.id));
  // Attached by a write whose reply the kill cut off: stored, so not lost.
  const storedFiles = new Set([
    ...materials.map((m) => m.file.id),
    ...mineVersions.flatMap((v) => v.files.map((f) => f.id)),
  ]);
  const attached = new Set(ledger.acked.filter((a) => a.kind !== 'upload').map((a) => a.fileId));
  for (const ack of ledger.acked) {
    if (ack.kind === 'material' && !listed.has(ack.id!)) lost++;
    if (ack.kind === 'submission') {
      const got = await download(
        scene.url,
        `/api/submissions/${ack.id}/files/${ack.fileId}`,
        scene.teacher,
      );
      if (!versions.has(ack.id!) || got.status !== 200 || got.sha !== ack.sha) {
        lost++;
        notes.push(`submission ${ack.id} missing or changed (${got.status})`);
      }
    }
    if (ack.kind === 'material') {
      const got = await download(scene.url, `/api/materials/${ack.id}/file`, scene.teacher);
      if (got.sha !== ack.sha) lost++;
    }
    if (ack.kind === 'upload' && !attached.has(ack.fileId) && !storedFiles.has(ack.fileId)) {
      // An acknowledged upload not yet attached when the hub died: it must still be attachable.
      const attachedNow =
        ack.by === 0
          ? await call(scene.url, 'addMaterial', {
              token: scene.teacher,
              params: { courseId: scene.courseId },
              body: { fileId: ack.fileId },
            })
          : await call(scene.url, 'submit', {
              token: scene.students[0]!,
              params: { deadlineId: scene.deadlineId },
              body: { fileIds: [ack.fileId] },
            });
      if (attachedNow.status !== 201) {
        lost++;
        notes.push(
          `upload ${ack.fileId} no longer attachable: ${attachedNow.status} ${JSON.stringify(attachedNow.body)}`,
        );
      }
    }
  }
  const staging = await readdir(join(dataDir, 'blobs', 'incoming')).catch(() => []);
  if (staging.length > 0) notes.push(`${staging.length} staging files left after a restart`);
  return lost;
}

// ---------------------------------------------------------------- trials

async function killAndRestart(child: ChildHub, dataDir: string, tally: Tally) {
  if (child.process.exitCode !== null || child.process.signalCode !== null) {
    tally.hubExits++;
    tally.notes.push(`hub exited on its own:\n${child.output().slice(-2000)}`);
  }
  child.process.kill('SIGKILL');
  await child.exited;
  try {
    return await startChildHub(dataDir);
  } catch (error) {
    tally.failedRestarts++;
    tally.notes.push(`restart failed: ${(error as Error).message.slice(0, 2000)}`);
    return undefined;
  }
}

/** Stops a hub at the end of a trial, counting it if it had already exited by itself. */
async function stopHub(child: ChildHub | undefined, tally: Tally) {
  if (!child) return;
  if (child.process.exitCode !== null || child.process.signalCode !== null) {
    tally.hubExits++;
    tally.notes.push(`hub exited on its own:\n${child.output().slice(-3000)}`);
    return;
  }
  child.process.kill('SIGTERM');
  await child.exited;
}

async function chatKillTrial(trial: number, tally: Tally) {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-fault-chat-'));
  let child: ChildHub | undefined = await startChildHub(dataDir);
  try {
    let scene = await buildScene(child.url);
    const ledger = newChatLedger();
    const stop = chatUntilStopped(scene, ledger, `t${trial}`);
    await pause(between(1_000, 4_000));
    child = await killAndRestart(child, dataDir, tally);
    await stop();
    tally.trials++;
    if (!child) return;
    scene = await refreshScene(scene, child.url);
    const [lost] = checkChat(await chatHistory(scene), ledger.acked.values());
    await resendPending(scene, ledger);
    const [, duplicates] = checkChat(await chatHistory(scene), ledger.acked.values());
    tally.acknowledged += ledger.acked.size;
    tally.lost += lost;
    tally.duplicates += duplicates;
  } finally {
    await stopHub(child, tally);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function uploadKillTrial(trial: number, tally: Tally) {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-fault-upload-'));
  let child: ChildHub | undefined = await startChildHub(dataDir);
  try {
    let scene = await buildScene(child.url);
    const ledger: UploadLedger = { acked: [], refusedFull: 0 };
    const stop = uploadUntilStopped(scene, ledger, 3_000_000);
    await pause(between(500, 3_000));
    child = await killAndRestart(child, dataDir, tally);
    await stop();
    tally.trials++;
    if (!child) return;
    scene = await refreshScene(scene, child.url);
    tally.acknowledged += ledger.acked.length;
    tally.lost += await checkUploads(scene, ledger, dataDir, tally.notes);
    void trial;
  } finally {
    await stopHub(child, tally);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function retryUntil(ms: number, attempt: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await attempt()) return true;
    await pause(250);
  }
  return false;
}

async function diskFullTrial(trial: number, tally: Tally) {
  const disk = await mountTmpfs(48 * 1024 * 1024);
  if (typeof disk === 'string') throw new Error(disk);
  const dataDir = join(disk.path, 'hub');
  const filler = join(disk.path, 'filler');
  let child: ChildHub | undefined = await startChildHub(dataDir);
  try {
    let scene = await buildScene(child.url);
    await retryUntil(
      20_000,
      async () =>
        (await stat(join(dataDir, 'reserved-space')).catch(() => undefined))?.size ===
        8 * 1024 * 1024,
    );
    const chat = newChatLedger();
    const files: UploadLedger = { acked: [], refusedFull: 0 };
    const stopChat = chatUntilStopped(scene, chat, `f${trial}`, 3_990);
    const stopUploads = uploadUntilStopped(scene, files, 400_000);
    await pause(between(200, 1_000));
    await fillDisk(filler);
    await pause(between(300, 1_000)); // writes meet the full disk
    const probeText = `probe ${trial} ${'x'.repeat(3_990)}`;
    const probe = await call(scene.url, 'sendMessage', {
      token: scene.teacher,
      params: { room: scene.room },
      body: { clientId: randomUUID(), text: probeText },
    });
    // Space freed by failed uploads' staging files may take a small write: then it must be kept.
    if (probe.status === 201) chat.acked.set(randomUUID(), { text: probeText, sender: 0 });
    else if (probe.status === 507 && probe.body.error?.code === 'STORAGE_FULL') tally.refusedFull++;
    else tally.notes.push(`trial ${trial}: a write on a full disk answered ${probe.status}`);
    const whileFull = await call(scene.url, 'signIn', {
      body: { username: 'amy', password: PASSWORD },
    });
    if (whileFull.status !== 200)
      tally.notes.push(`trial ${trial}: sign-in on a full disk answered ${whileFull.status}`);
    await stopChat();
    await stopUploads();
    await rm(filler);
    const back = await retryUntil(15_000, async () => {
      const reply = await call(scene.url, 'sendMessage', {
        token: scene.teacher,
        params: { room: scene.room },
        body: { clientId: randomUUID(), text: `after ${trial}` },
      });
      if (reply.status === 201) chat.acked.set(randomUUID(), { text: `after ${trial}`, sender: 0 });
      return reply.status === 201;
    });
    if (!back) tally.notes.push(`trial ${trial}: writes did not work again after space was freed`);
    const uploaded = await uploadOne(scene, 0, files, 10_000);
    if (!uploaded)
      tally.notes.push(`trial ${trial}: uploads did not work again after space was freed`);
    child = await killAndRestart(child, dataDir, tally);
    tally.trials++;
    if (!child) return;
    scene = await refreshScene(scene, child.url);
    const [lost, duplicates] = checkChat(await chatHistory(scene), chat.acked.values());
    tally.acknowledged += chat.acked.size + files.acked.length;
    tally.refusedFull += chat.refusedFull + files.refusedFull;
    tally.lost += lost + (await checkUploads(scene, files, dataDir, tally.notes));
    tally.duplicates += duplicates;
  } finally {
    await stopHub(child, tally);
    await disk.unmount();
  }
}

// ---------------------------------------------------------------- main

async function runKind(
  name: string,
  trials: number,
  trial: (n: number, tally: Tally) => Promise<void>,
) {
  const tally = newTally();
  const started = Date.now();
  for (let n = 1; n <= trials; n++) {
    try {
      await trial(n, tally);
    } catch (error) {
      const cause = (error as Error).cause as Error | undefined;
      tally.notes.push(
        `trial ${n} could not run: ${(error as Error).stack ?? String(error)}${cause ? `\n  cause: ${cause.stack ?? String(cause)}` : ''}`,
      );
    }
    process.stdout.write('.');
  }
  process.stdout.write(` ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return { name, tally };
}

function printSummary(rows: { name: string; tally: Tally }[], skipped: string | undefined) {
  const table = rows.map(({ name, tally }) => ({
    run: name,
    trials: tally.trials,
    'acknowledged writes': tally.acknowledged,
    'lost (must be 0)': tally.lost,
    duplicates: tally.duplicates,
    'hub exits (must be 0)': tally.hubExits,
    'failed restarts': tally.failedRestarts,
    'refused 507 while full': tally.refusedFull,
  }));
  console.table(table);
  if (skipped) console.log(`disk-full trials skipped: ${skipped}`);
  for (const { name, tally } of rows)
    for (const note of tally.notes) console.log(`[${name}] ${note}`);
  const bad = rows.some(
    ({ tally }) =>
      tally.lost + tally.duplicates + tally.hubExits + tally.failedRestarts > 0 ||
      tally.notes.length > 0,
  );
  return bad ? 1 : 0;
}

async function main() {
  const { values } = parseArgs({
    options: { trials: { type: 'string', default: '10' }, only: { type: 'string' } },
  });
  const trials = Number(values.trials);
  if (!Number.isInteger(trials) || trials < 1)
    throw new Error('--trials takes a whole number, 1 or more');
  const wanted = (kind: string) => values.only === undefined || values.only === kind;
  // The hubs killed below run the built bundle, as the tests' child hubs do (tests/support/hub-cli.ts).
  process.env.CLASSHUB_HUB_CLI = builtHubCli();
  const rows = [];
  if (wanted('chat')) rows.push(await runKind('SIGKILL during chat', trials, chatKillTrial));
  if (wanted('uploads'))
    rows.push(await runKind('SIGKILL during uploads', trials, uploadKillTrial));
  let skipped: string | undefined;
  if (wanted('disk')) {
    const probe = await mountTmpfs(1024 * 1024);
    if (typeof probe === 'string') skipped = probe;
    else {
      await probe.unmount();
      rows.push(await runKind('disk full (tmpfs)', trials, diskFullTrial));
    }
  }
  process.exitCode = printSummary(rows, skipped);
}

await main();
