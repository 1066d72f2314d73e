import type { HubSocket } from './socket-server';

/**
 * The rooms each socket joined only to look in (an admin reading a session or
 * a chat they are not in), by socket id: leaving one of those never takes a
 * person out of their own rooms, and losing admin rights leaves them all.
 */
export class LookingIn {
  private readonly rooms = new Map<string, Set<string>>();

  /** Remembers rooms the socket joins (or joined) only to look in. */
  remember(socket: HubSocket, ...rooms: string[]): void {
    let joined = this.rooms.get(socket.id);
    if (!joined) {
      joined = new Set();
      this.rooms.set(socket.id, joined);
      socket.once('disconnect', () => this.rooms.delete(socket.id));
    }
    for (const room of rooms) joined.add(room);
  }

  /** Leaves `room` and the `related` rooms that came with it, if the socket only looked into it. */
  leave(socket: HubSocket, room: string, ...related: string[]): void {
    const joined = this.rooms.get(socket.id);
    if (!joined?.has(room)) return;
    for (const each of [room, ...related]) {
      joined.delete(each);
      void socket.leave(each);
    }
  }

  /** Leaves everything the socket looked into (its person is no longer an admin). */
  leaveAll(socket: HubSocket | undefined, socketId: string): void {
    for (const room of this.rooms.get(socketId) ?? []) void socket?.leave(room);
    this.rooms.delete(socketId);
  }
}
