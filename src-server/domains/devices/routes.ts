import type { HandlersFor } from '../handlers';
import type { DeviceService } from './device-service';

export function deviceRoutes(devices: DeviceService): HandlersFor<'deviceBoard'> {
  return {
    deviceBoard: ({ auth, params }) => devices.board(auth.user, params.courseId),
  };
}
