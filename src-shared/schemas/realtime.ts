import { z } from 'zod';
import { sessionIdSchema } from './sessions';

/** Payloads of client → hub socket events, validated like REST bodies. */
export const watchSessionRequestSchema = z.object({ sessionId: sessionIdSchema }).strict();
