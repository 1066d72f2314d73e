import { z } from 'zod';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import type { IpcResult } from './ipc-result';
import { isSafeExternalUrl, isTrustedSender } from './security';

/** Longer than any real link; keeps a hostile page from handing the OS megabytes. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export const externalUrlSchema = z
  .string()
  .max(MAX_EXTERNAL_URL_LENGTH)
  .refine(isSafeExternalUrl, { message: 'Only http and https links can be opened.' });

/**
 * The arguments of each channel, as a tuple: the renderer is untrusted, so
 * main parses every call before acting on it. A channel without an entry
 * here does not compile.
 */
export const ipcArgumentSchemas = {
  [ipcChannels.openExternal]: z.tuple([externalUrlSchema]),
} satisfies Record<IpcChannel, IpcArgumentSchema>;

export type IpcArgumentSchema = z.ZodType<readonly unknown[]>;

export interface IpcCall<Schema extends IpcArgumentSchema, Data> {
  /** URL of the frame that sent the call (`event.senderFrame?.url`). */
  senderUrl: string | undefined;
  /** The origin whose pages may use the bridge right now. */
  appOrigin: string;
  /** The raw arguments, exactly as they arrived. */
  args: readonly unknown[];
  schema: Schema;
  run: (args: z.output<Schema>) => Data | Promise<Data>;
  /** Told about unexpected failures, which the renderer only sees as INTERNAL. */
  onError?: (error: unknown) => void;
}

/**
 * Runs one IPC call the way every handler must: check the sender, validate
 * the arguments, then act. Never throws; failures come back as results.
 */
export async function handleIpcCall<Schema extends IpcArgumentSchema, Data>(
  call: IpcCall<Schema, Data>,
): Promise<IpcResult<Data>> {
  if (!isTrustedSender(call.senderUrl, call.appOrigin)) {
    return failure('FORBIDDEN', 'This page may not use the desktop bridge.');
  }
  const parsed = call.schema.safeParse(call.args);
  if (!parsed.success) {
    return failure('VALIDATION_FAILED', describeIssues(parsed.error));
  }
  try {
    return { ok: true, data: await call.run(parsed.data) };
  } catch (error) {
    call.onError?.(error);
    return failure('INTERNAL', 'The app could not do that. Please try again.');
  }
}

function failure(code: 'FORBIDDEN' | 'VALIDATION_FAILED' | 'INTERNAL', message: string) {
  return { ok: false, error: { code, message } } as const;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `argument ${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
