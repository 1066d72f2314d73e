import type { Logger } from '../logger';
import type { Storage } from './repositories';

type Claims = Pick<Storage, 'uploads' | 'materials' | 'submissions' | 'posts'>;

/**
 * Gives back uploads claimed by a record that was never written. Attaching
 * an upload is two writes — the claim on the upload, then the material,
 * submission or post — and a hub killed between them (SIGKILL, power cut)
 * leaves the acknowledged upload claimed by nothing: every later attempt to
 * attach it answered "not one of your unattached uploads" (found by
 * bench/fault-runs.ts). Runs at start, before any request, so no claim is in
 * flight. Chat claims (`chat:<room>:<clientId>`) are left: checking them
 * means reading the chat log.
 */
export async function releaseOrphanClaims(storage: Claims, logger: Logger): Promise<number> {
  const exists: Record<string, (id: string) => Promise<unknown>> = {
    material: (id) => storage.materials.get(id as never),
    submission: (id) => storage.submissions.get(id as never),
    post: (id) => storage.posts.get(id as never),
  };
  let released = 0;
  for (const upload of await storage.uploads.listAttached()) {
    const [kind, ...rest] = upload.attachedTo!.split(':');
    const lookup = exists[kind!];
    if (!lookup || (await lookup(rest.join(':'))) !== undefined) continue;
    await storage.uploads.release([upload.id], upload.attachedTo!);
    released++;
  }
  if (released > 0)
    logger.warn(
      { count: released },
      'gave back uploads claimed by records an interrupted hub never wrote',
    );
  return released;
}
