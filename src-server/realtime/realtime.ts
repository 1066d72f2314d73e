import type { Server as HttpServer } from 'node:http';
import type { UserId } from '../../src-shared/ids';
import type { AccessService } from '../domains/access/access-service';
import type { AuthService } from '../domains/accounts/auth-service';
import type { ChatService } from '../domains/chat/chat-service';
import type { ChatRooms } from '../domains/chat/chat-rooms';
import type { DeviceService } from '../domains/devices/device-service';
import type { SocketWriteLimits } from '../domains/limits/socket-write-limits';
import type { Presence } from '../domains/chat/presence';
import type { NotificationService } from '../domains/notifications/notification-service';
import type { SessionLiveViews } from '../domains/sessions/live-views';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { deliverChat } from './chat-delivery';
import { deliverChatWatching } from './chat-watch';
import { attachClusterAdapter, DEFAULT_NODE_TIMEOUT_MS, type ClusterOptions } from './cluster';
import { gossipPresence } from './presence-gossip';
import { deliverClassTools } from './class-tools-delivery';
import { deliverLiveTools } from './live-tools-delivery';
import type { ClassToolsLive } from '../domains/class-tools/wire';
import { deliverCourses } from './course-delivery';
import { acceptClientHello, deliverDevices } from './device-delivery';
import { deliverLiveHints } from './live-hints';
import { RoomMembership } from './membership';
import { deliverPresence } from './presence-delivery';
import { deliverSessions } from './session-delivery';
import {
  admitSockets,
  createSocketServer,
  deliverAccounts,
  type HubSocketServer,
} from './socket-server';

export interface RealtimeServices {
  readonly auth: AuthService;
  readonly access: AccessService;
  readonly chat: ChatService;
  readonly chatRooms: ChatRooms;
  readonly presence: Presence;
  readonly notifications: NotificationService;
  readonly sessionViews: SessionLiveViews;
  readonly devices: DeviceService;
  readonly classTools: ClassToolsLive;
  readonly writeLimits: SocketWriteLimits;
}

/**
 * With `cluster` (PostgreSQL: several hub nodes on one database) Socket.IO
 * runs on the PostgreSQL adapter, so every broadcast and room operation
 * below reaches every node (cluster.ts, docs/decisions.md).
 *
 * Socket.IO for the hub, wired in the order it must run: handshake auth,
 * the connection cap and room membership (middleware, so rooms are joined
 * before "connect"), then membership following events before any delivery
 * subscribes, so a removal has taken effect before the next broadcast.
 */
export function startRealtime(
  http: HttpServer,
  bus: EventBus,
  services: RealtimeServices,
  options: { maxConnectionsPerPerson: number; cluster?: ClusterOptions | undefined },
  logger: Logger,
): { io: HubSocketServer; stop(): void } {
  const { auth, access, chat, chatRooms, presence, notifications, sessionViews, devices } =
    services;
  const { cluster } = options;
  const userOf = (id: UserId) => auth.userOf(id);
  const io = createSocketServer(http, auth, logger);
  const link = cluster ? attachClusterAdapter(io, cluster, logger) : undefined;
  const clustered = cluster !== undefined;
  const membership = new RoomMembership(io, access, userOf, clustered);
  acceptClientHello(io);
  const knownElsewhere = (id: UserId) => presence.remoteConnectionsOf(id);
  admitSockets(
    io,
    membership,
    options.maxConnectionsPerPerson,
    logger,
    clustered ? { knownElsewhere } : undefined,
  );
  membership.follow(bus);
  deliverAccounts(io, bus, link);
  deliverSessions(io, bus, membership, sessionViews, logger);
  deliverChatWatching(io, membership, logger);
  const { writeLimits } = services;
  deliverChat(
    io,
    bus,
    { chat, notifications, access, userOf, writeLimits, presence },
    logger,
    clustered,
  );
  deliverCourses(io, bus);
  deliverClassTools(io, bus);
  deliverLiveHints(io, bus);
  deliverDevices(io, devices, userOf, writeLimits, logger);
  const liveTools = deliverLiveTools(io, bus, services.classTools, userOf, logger);
  const gossip = cluster
    ? gossipPresence(
        io,
        presence,
        devices,
        cluster.nodeTimeoutMs ?? DEFAULT_NODE_TIMEOUT_MS,
        logger,
      )
    : undefined;
  const presenceReports = deliverPresence(io, presence, chatRooms, logger, gossip);
  return {
    io,
    stop: () => {
      presenceReports.stop();
      devices.stop();
      liveTools.stop();
    },
  };
}
