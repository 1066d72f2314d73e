import { z } from 'zod';
import { roomSchema } from './chat';
import { sessionIdSchema } from './sessions';

/** Payloads of client → hub socket events, validated like REST bodies. */
export const watchSessionRequestSchema = z.object({ sessionId: sessionIdSchema }).strict();
/** A chat followed live from its page by someone who may read it without being in it. */
export const watchChatRequestSchema = z.object({ room: roomSchema }).strict();
