import type { ChatRecord } from '../records';
import type { AppendedOnce, ChatHistoryRepository, ChatSender } from '../repositories';
import { LogHistoryRepository } from './history';
import { RecentClientIds } from './recent-client-ids';

/**
 * The chat log in a data folder. A resend is recognised in memory (the
 * room's recent client ids): one hub process owns the folder, so its memory
 * sees every send, and a message costs no read.
 */
export class LogChatHistoryRepository
  extends LogHistoryRepository<ChatRecord>
  implements ChatHistoryRepository
{
  private readonly recent = new RecentClientIds(this);

  async appendOnce(
    stream: string,
    sender: ChatSender,
    prepare: () => Promise<ChatRecord>,
  ): Promise<AppendedOnce> {
    const seen = await this.recent.forRoom(stream);
    const key = `${sender.authorId}:${sender.clientId}`;
    for (let earlier = seen.get(key); earlier; earlier = seen.get(key)) {
      const entry = await this.get(stream, await earlier);
      if (entry) return { entry, duplicate: true };
      // Pruned with its segment (months old): nothing is left to answer with, so it is stored anew.
      this.recent.forget(seen, key, earlier);
    }
    // No await from the check to `remember`, and `prepare` starts before any: a resend racing
    // its original waits for it, and prepare's synchronous checks (slow mode) cannot interleave.
    const appended = (async () => this.append(stream, await prepare()))();
    const seq = appended.then((entry) => entry.seq);
    this.recent.remember(seen, key, seq);
    try {
      return { entry: await appended, duplicate: false };
    } catch (error) {
      this.recent.forget(seen, key, seq);
      throw error;
    }
  }
}
