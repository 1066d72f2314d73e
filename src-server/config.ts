import { isIP } from 'node:net';
import { z } from 'zod';
import type { DestinationStream } from 'pino';
import type { FileSystem } from './storage/file-system';
import { verificationModeSchema } from '../src-shared/schemas/accounts';

/**
 * The hub's one options object. The CLI flags and CLASSHUB_* environment
 * variables map onto it (see OPTION_DOCS); createHub validates it again, so
 * the Electron main process and tests get the same checks.
 */
export const hubConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./hub-data'),
  /** A PostgreSQL database instead of the lowdb folder (storage/postgres/). */
  database: z
    .string()
    .regex(/^postgres(ql)?:\/\/./, {
      error: 'Use a PostgreSQL URL: postgres://user:password@host:5432/database.',
    })
    .optional(),
  /** The uploaded files' folder; default <data folder>/blobs. */
  blobsDir: z.string().min(1).optional(),
  verification: verificationModeSchema.optional(),
  admin: z.string().min(1).optional(),
  publicUrl: z.url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  bcryptRounds: z.coerce.number().int().min(4).max(15).default(11),
  smtpUrl: z.string().min(1).optional(),
  mailFrom: z.string().min(1).default('ClassHub <no-reply@classhub.local>'),
  rendererDir: z.string().min(1).optional(),
  accessTokenMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  refreshTokenDays: z.coerce.number().int().min(1).max(365).default(30),
  /** Open Socket.IO connections one person may hold at once (tabs, devices); more are refused. */
  maxConnectionsPerPerson: z.coerce.number().int().min(1).max(1000).default(10),
  /** Announce the hub on the local network (mDNS / DNS-SD); strings come from the environment. */
  advertise: z.union([z.boolean(), z.stringbool()], { error: 'Use true or false.' }).default(true),
  /** Seconds without a byte before an upload is cut; a slow upload that keeps moving never is. */
  uploadStallSeconds: z.coerce.number().min(0.05).max(3600).default(60),
  /** Seconds any other request may take to arrive whole. */
  requestTimeoutSeconds: z.coerce.number().min(0.05).max(3600).default(60),
  /**
   * Which proxies in front of the hub to believe about the client's address
   * (X-Forwarded-For), in Express's "trust proxy" terms: loopback, an address,
   * a CIDR range or a comma-separated list. Unset: nobody, the socket's peer
   * is the client — right for a laptop hub, wrong behind nginx, where every
   * sign-in would otherwise share nginx's address and one throttle.
   */
  trustProxy: z
    .string()
    .refine((value) => value.split(',').every((entry) => isProxyEntry(entry.trim())), {
      error:
        'Use loopback, linklocal, uniquelocal, an IP address or a CIDR range (10.0.0.0/8), comma-separated.',
    })
    .optional(),
});
export type HubConfig = z.infer<typeof hubConfigSchema>;

/** One entry of a trust-proxy list, as Express understands it. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const width = Number(bits);
  return /^\d+$/.test(bits) && width <= (family === 4 ? 32 : 128);
}

/** What a caller passes to createHub: every field optional, plus what only code can pass. */
export type HubOptions = z.input<typeof hubConfigSchema> & {
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** The hub's clock; tests move it forward to expire tokens and links. */
  now?: () => Date;
  /** The storage code's file system; tests put a fault layer here (full disk, failing fsync). */
  fileSystem?: FileSystem;
  /** Several hub nodes on PostgreSQL: a node silent this long counts as dead (default 10 s; tests shorten it). */
  nodeTimeoutMs?: number;
};

type OptionKey = keyof HubConfig;
export interface OptionDoc {
  readonly key: OptionKey;
  readonly flag: string;
  readonly env: string;
  readonly help: string;
  /** A switch: `--flag` / `--no-flag` on the command line, true/false in the environment. */
  readonly boolean?: boolean;
}

const doc = (key: OptionKey, flag: string, help: string): OptionDoc => ({
  key,
  flag,
  env: `CLASSHUB_${flag.replace(/-/g, '_').toUpperCase()}`,
  help,
});

export const OPTION_DOCS: readonly OptionDoc[] = [
  doc('port', 'port', 'TCP port to listen on; 0 picks a free one.'),
  doc(
    'host',
    'host',
    'Address to listen on; 0.0.0.0 lets students on the network connect, 127.0.0.1 keeps it on this computer.',
  ),
  doc('dataDir', 'data', 'Data folder: lowdb files, logs and uploads.'),
  {
    ...doc(
      'database',
      'database',
      'Keep everything in this PostgreSQL database instead of the data folder, e.g. postgres://classhub:secret@db.school.org/classhub (created tables are migrated at start).',
    ),
    env: 'CLASSHUB_DATABASE_URL',
  },
  doc(
    'blobsDir',
    'blobs',
    'Folder of uploaded files (default: blobs inside the data folder); several hubs on one database may share it.',
  ),
  doc(
    'verification',
    'verification',
    'How new accounts are verified: none | approval | email. Overrides the stored hub setting (default approval).',
  ),
  doc('admin', 'admin', 'Make this existing username an admin at start.'),
  doc(
    'publicUrl',
    'public-url',
    'Address students use, for links in emails (default: the address the hub serves on).',
  ),
  doc('logLevel', 'log-level', 'fatal | error | warn | info | debug | trace | silent.'),
  doc('bcryptRounds', 'bcrypt-rounds', 'bcrypt cost factor for new password hashes (4–15).'),
  doc(
    'smtpUrl',
    'smtp-url',
    'SMTP server for emails, e.g. smtps://user:pass@mail.school.org; without it links go to the hub log.',
  ),
  doc('mailFrom', 'mail-from', 'Sender of emails.'),
  doc(
    'rendererDir',
    'renderer-dir',
    'Folder of the built web app to serve at / (default: dist-renderer if it exists).',
  ),
  doc('accessTokenMinutes', 'access-token-minutes', 'Lifetime of an access token.'),
  doc(
    'refreshTokenDays',
    'refresh-token-days',
    'Lifetime of a refresh token (a sign-in lasts this long unused).',
  ),
  doc(
    'maxConnectionsPerPerson',
    'max-connections-per-person',
    'Live connections one person may hold at once (tabs and devices together).',
  ),
  doc(
    'uploadStallSeconds',
    'upload-stall-seconds',
    'An upload is cut when no data arrives for this many seconds; a slow upload that keeps moving runs to the end.',
  ),
  doc(
    'requestTimeoutSeconds',
    'request-timeout-seconds',
    'Seconds any other request may take to arrive whole.',
  ),
  doc(
    'trustProxy',
    'trust-proxy',
    'Proxies whose X-Forwarded-For to believe (behind nginx: loopback or its address); unset: none.',
  ),
  {
    ...doc(
      'advertise',
      'advertise',
      'Announce the hub on the local network (mDNS / DNS-SD) so apps find it; --no-advertise or CLASSHUB_ADVERTISE=false turns it off.',
    ),
    boolean: true,
  },
];

/** A config problem phrased for the person who typed the flag. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseHubConfig(input: unknown): HubConfig {
  const result = hubConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const option = OPTION_DOCS.find((o) => o.key === issue.path[0]);
    const name = option ? `--${option.flag} (${option.env})` : issue.path.join('.');
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid hub options:\n  ${lines.join('\n  ')}`);
}

export function defaultOf(key: OptionKey): string {
  const value = hubConfigSchema.shape[key].safeParse(undefined);
  return value.success && value.data !== undefined ? String(value.data) : '';
}
