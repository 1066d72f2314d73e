import type { JoinDeepLink } from './deep-links';

/**
 * A deep link is text from anywhere: a web page can make the app open any
 * host. Opening a hub hands its page the desktop bridge (downloads, the
 * library, hosting), so a hub the person has never used is opened only after
 * they say yes in a native dialog. Plain logic; main.ts supplies the dialog
 * (electron-adapters.ts) and what "used before" means.
 */
export interface ConfirmQuestion {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

export interface DeepLinkTrust {
  /** The person connected to this hub before (recent hubs, the last hub, the hub hosted here). */
  usedBefore(hubUrl: string): Promise<boolean>;
  /** Asks the person; true only for an explicit yes. */
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** A hub said yes to counts as used: the next link to it opens without asking. */
  remember(hubUrl: string): Promise<void>;
}

export function joinQuestion(link: JoinDeepLink): ConfirmQuestion {
  const host = new URL(link.hubUrl).host;
  return {
    title: 'Open a new hub?',
    message: `A link asks ClassHub to join a session on ${host}, a hub you have not used on this computer.`,
    detail:
      'Open it only if your teacher gave you this link. The hub’s pages will be able to save ' +
      'files to your offline library and show notifications.',
    confirmLabel: `Open ${host}`,
    cancelLabel: 'Cancel',
  };
}

/** True when the link may be opened: a known hub at once, a new one after a yes. */
export async function admitDeepLink(link: JoinDeepLink, trust: DeepLinkTrust): Promise<boolean> {
  if (await trust.usedBefore(link.hubUrl)) return true;
  if (!(await trust.confirm(joinQuestion(link)))) return false;
  await trust.remember(link.hubUrl);
  return true;
}

/** Asked when a hub's page (not the app's own start screen) starts hosting on this computer. */
export const hostingQuestion: ConfirmQuestion = {
  title: 'Host a hub on this computer?',
  message: 'A hub’s page asks ClassHub to start hosting a hub on this computer.',
  detail:
    'Others on this network will be able to reach it. Start it only if you meant to press “Host”.',
  confirmLabel: 'Start hosting',
  cancelLabel: 'Cancel',
};

/**
 * Hosting opens a server on the network, so another hub's page may start it
 * only after a yes; the app's own start screen (and the hosted hub's own
 * page) may at once.
 */
export async function admitHostingStart(
  fromAppsOwnPage: boolean,
  confirm: DeepLinkTrust['confirm'],
): Promise<boolean> {
  return fromAppsOwnPage || confirm(hostingQuestion);
}
