import type { Room } from '../../../src-shared/schemas/chat';
import type { StoredFile } from '../../../src-shared/schemas/files';
import { desktopBridge } from '../../desktop';
import { looksOffline, sendChatMessageOrQueue } from '../desktop';
import { sendMessage } from './chat-actions';

/**
 * What became of a message the composer sent:
 * - `sent`: it is on its way (pending, then stored or "Not sent." with Retry, as always);
 * - `queued`: the desktop app was offline, so it waits in the persistent outbox;
 * - `filesNotQueued`: offline on the desktop, but it has files — sent the usual way, which
 *   fails now and is retried on reconnect while the app stays open.
 */
export type ComposerOutcome = 'sent' | 'queued' | 'filesNotQueued';

/**
 * The composer's send. Text-only messages go through the desktop outbox when
 * offline; in a plain browser, or online, this is `sendMessage` unchanged.
 * Rejects only if the desktop app could not keep the message in its outbox.
 */
export async function sendFromComposer(
  room: Room,
  text: string,
  files: readonly StoredFile[],
): Promise<ComposerOutcome> {
  // The outbox's chat kind carries text only: attachments are uploads already on the
  // hub, and dropping them from a queued message would send something else than written.
  if (files.length > 0) {
    const offline = desktopBridge() !== undefined && looksOffline();
    sendMessage(room, text, files);
    return offline ? 'filesNotQueued' : 'sent';
  }
  // sendMessage never throws (a failed delivery stays in the chat's own pending list and is
  // retried on reconnect), so an online send is never queued twice.
  const outcome = await sendChatMessageOrQueue({ room, text }, async () =>
    sendMessage(room, text, files),
  );
  return outcome.queued ? 'queued' : 'sent';
}
