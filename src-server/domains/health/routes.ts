import type { HandlersFor } from '../handlers';
import { NODE_ID } from '../../node-id';
import { HUB_VERSION } from '../../version';

/** `addresses` is filled in once the hub listens (the port is known only then). */
export function healthRoutes(addresses: {
  url: string;
  lanUrls: readonly string[];
}): HandlersFor<'health' | 'hubInfo'> {
  return {
    health: async () => ({ status: 'ok', version: HUB_VERSION, node: NODE_ID }),
    hubInfo: async () => ({
      version: HUB_VERSION,
      url: addresses.url,
      lanUrls: [...addresses.lanUrls],
    }),
  };
}
