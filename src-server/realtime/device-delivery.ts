import type { SocketAuth } from '../../src-shared/events';
import type { UserId } from '../../src-shared/ids';
import { clientHelloSchema, deviceReportSchema } from '../../src-shared/schemas/devices';
import type { Person } from '../domains/access/access-service';
import type { DeviceService } from '../domains/devices/device-service';
import type { SocketWriteLimits } from '../domains/limits/socket-write-limits';
import { DomainError } from '../domain-error';
import type { Logger } from '../logger';
import { parsePayload, responder } from './respond';
import { refusal, type HubSocketServer } from './socket-server';

/**
 * Reads what a connection says it is (`auth.client`: desktop app or browser,
 * version, device id) before it is admitted. A malformed description is
 * refused with the reason; none at all is accepted (older clients, scripts)
 * and such a connection simply does not appear on the device board.
 */
export function acceptClientHello(io: HubSocketServer): void {
  io.use((socket, next) => {
    const client = (socket.handshake.auth as Partial<SocketAuth>).client;
    if (client === undefined) return next();
    const parsed = clientHelloSchema.safeParse(client);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (auth.client.${issue.path.join('.')})` : '';
      return next(
        refusal(
          'VALIDATION_FAILED',
          `The connection's description is not valid${where}: ${issue?.message ?? 'see the API docs'}`,
        ),
      );
    }
    socket.data.client = parsed.data;
    next();
  });
}

/**
 * The device board's live side: a declared connection is online until it
 * closes, and the desktop app's `device:report` is stored. Changes reach the
 * teacher through `devices.changed` → live hints, coalesced by the service.
 */
export function deliverDevices(
  io: HubSocketServer,
  devices: DeviceService,
  userOf: (id: UserId) => Promise<Person | undefined>,
  limits: SocketWriteLimits,
  logger: Logger,
): void {
  const respond = responder(logger);
  io.on('connection', (socket) => {
    const { userId, client } = socket.data;
    socket.on('device:report', (request, ack) => {
      void respond(ack, async () => {
        // Per person on every node: inventing device ids or hopping nodes buys no more.
        await limits.deviceReport(userId);
        const input = parsePayload(deviceReportSchema, request);
        const user = await userOf(userId);
        if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
        return devices.report(user, client, input);
      });
    });
    if (!client) return;
    socket.on('disconnect', () => devices.disconnected(socket.id));
    devices
      .connected(userId, socket.id, client)
      .catch((error: unknown) => logger.error({ err: error }, 'could not record a device'));
  });
}
