import type { HandlersFor } from '../../http/handlers';
import { HUB_VERSION } from '../../version';

export function healthRoutes(): HandlersFor<'health'> {
  return { health: async () => ({ status: 'ok', version: HUB_VERSION }) };
}
