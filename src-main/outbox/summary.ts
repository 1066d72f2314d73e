import type { OutboxRequest } from '../../src-shared/bridge';

const MAX = 60;

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}

function roomLabel(room: string): string {
  if (room.startsWith('dm:')) return 'Direct message';
  if (room.startsWith('course:')) return 'Message to the course chat';
  return 'Message to the session chat';
}

const filesNote = (count: number) =>
  count === 0 ? '' : ` (${count} ${count === 1 ? 'file' : 'files'})`;

/**
 * The one line the outbox list shows. Main has no course or session titles
 * (they live on the hub), so the kind of place and the text's start must do.
 */
export function summarise(request: OutboxRequest): string {
  switch (request.kind) {
    case 'chat-message':
      return `${roomLabel(request.room)}: ${excerpt(request.text)}`;
    case 'post':
      return `Post in a session: ${excerpt(request.text) || 'files only'}${filesNote(request.files.length)}`;
    case 'submission':
      return `Submission${request.comment.trim() ? `: ${excerpt(request.comment)}` : ''}${filesNote(request.files.length)}`;
  }
}
