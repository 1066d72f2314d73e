import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredFile } from '../../../src-shared/schemas/files';
import { uploadFile } from '../../app/file-transfer';

/** The hub accepts at most this many files on one message. */
export const MAX_FILES = 5;

export interface Attachment {
  id: string;
  name: string;
  size: number;
  /** 0 to 1 while uploading. */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  stored?: StoredFile;
  error?: unknown;
}

/**
 * Files being attached to the next message: each uploads as soon as it is
 * picked, pasted or dropped (so sending is instant), and can be removed —
 * which cancels its upload — until the message goes.
 */
export function useAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const count = useRef(0);
  count.current = items.length;

  const patch = (id: string, change: Partial<Attachment>) =>
    setItems((list) => list.map((a) => (a.id === id ? { ...a, ...change } : a)));

  const add = useCallback((files: readonly File[]) => {
    const room = Math.max(0, MAX_FILES - count.current);
    const accepted = files.slice(0, room);
    count.current += accepted.length;
    for (const file of accepted) {
      const id = crypto.randomUUID();
      const controller = new AbortController();
      controllers.current.set(id, controller);
      setItems((list) => [
        ...list,
        { id, name: file.name, size: file.size, progress: 0, status: 'uploading' },
      ]);
      uploadFile(file, (progress) => patch(id, { progress }), controller.signal)
        .then((stored) => patch(id, { status: 'done', progress: 1, stored }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) patch(id, { status: 'failed', error });
        })
        .finally(() => controllers.current.delete(id));
    }
    return files.length - accepted.length;
  }, []);

  const remove = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    setItems((list) => list.filter((a) => a.id !== id));
  }, []);

  const clear = useCallback(() => setItems([]), []);

  // Leaving the room cancels uploads nobody will send.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  return { items, add, remove, clear };
}
export type Attachments = ReturnType<typeof useAttachments>;
