import type { EventBus } from '../events/bus';
import { sessionRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/**
 * The live class tools: every change is one packet to the session's room
 * (built once by the domain, the same view for every member), so a class of
 * 500 costs one encoding per change. Who is in the room is membership.ts's
 * business; state is fetched over REST on opening and after a reconnect.
 */
export function deliverClassTools(io: HubSocketServer, bus: EventBus): void {
  bus.on('hands.changed', ({ hands }) => {
    io.to(sessionRoom(hands.sessionId)).emit('hands:changed', hands);
  });
  bus.on('question.changed', ({ question }) => {
    io.to(sessionRoom(question.sessionId)).emit('question:changed', question);
  });
  bus.on('chat-controls.changed', ({ controls }) => {
    io.to(sessionRoom(controls.sessionId)).emit('chat-controls:changed', controls);
  });
}
