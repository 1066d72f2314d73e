import { z } from 'zod';

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    // Optional: the desktop app probes hubs of older versions too, which do not send it.
    node: z.string().optional().meta({
      description:
        'Which hub process answered (host and process id): behind a load balancer, tells the nodes apart.',
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

export const hubInfoSchema = z
  .object({
    version: z.string(),
    url: z.string().meta({ description: 'How this computer reaches the hub.' }),
    lanUrls: z.array(z.string()).meta({
      description:
        'Addresses students on the network can open (empty when the hub listens on this computer only).',
    }),
  })
  .meta({ id: 'HubInfo' });
export type HubInfo = z.infer<typeof hubInfoSchema>;
