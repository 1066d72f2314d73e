/**
 * Turns why createHub failed into a sentence a teacher can act on. The hub's
 * own messages speak to someone at a terminal (`--port`, `--data`); here the
 * person clicked a button in the app.
 */
export function describeHostingError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const owner = /in use by another hub \(process (\d+)\)/.exec(message);
  const ownerUrl = /running at (\S+)\. Open/.exec(message)?.[1];
  if (owner && ownerUrl)
    return `Another ClassHub hub is already using this computer's hub data (process ${owner[1]}), at ${ownerUrl}. Open that address to use it, or stop that hub, then press Start again.`;
  if (owner)
    return `Another ClassHub hub is already using this computer's hub data (process ${owner[1]}). Close the other ClassHub window or stop that hub, then press Start again.`;
  if (code === 'EADDRINUSE' || /already in use/i.test(message))
    return 'The network port the hub needs is taken by another program, and no other port could be used. Close programs you do not need, or restart the computer, then press Start again.';
  if (code === 'EACCES' || code === 'EPERM' || /not allowed to listen/i.test(message))
    return 'This computer does not allow the app to accept connections from the network. Check the firewall or security software, then press Start again.';
  if (code === 'ENOSPC') return 'The disk is full. Free some space, then press Start again.';
  if (code === 'EROFS' || /permission denied/i.test(message))
    return "The app may not write its hub data folder. Check the folder's permissions, then press Start again.";
  return `The hub could not start: ${message}`;
}

/** Whether starting again on another port could help. */
export function isPortTaken(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'EADDRINUSE' || (error instanceof Error && /already in use on/i.test(error.message))
  );
}
