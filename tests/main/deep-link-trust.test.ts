import { describe, expect, it, vi } from 'vitest';
import {
  admitDeepLink,
  admitHostingStart,
  type ConfirmQuestion,
  type DeepLinkTrust,
} from '../../src-main/deep-link-trust';
import { parseDeepLink } from '../../src-main/deep-links';

const link = parseDeepLink('classhub://join/203.0.113.7:4000/ABCDEFGHJ')!;

function trust(options: { known: string[]; answer: boolean }) {
  const known = new Set(options.known);
  return {
    usedBefore: vi.fn(async (url: string) => known.has(url)),
    confirm: vi.fn(async (_question: ConfirmQuestion) => options.answer),
    remember: vi.fn(async (url: string) => void known.add(url)),
  } satisfies DeepLinkTrust;
}

describe('a deep link to a hub', () => {
  it('opens a hub used before without asking', async () => {
    const t = trust({ known: ['http://203.0.113.7:4000'], answer: false });
    expect(await admitDeepLink(link, t)).toBe(true);
    expect(t.confirm).not.toHaveBeenCalled();
  });

  it('asks first about a hub never used, naming it, and opens nothing on no', async () => {
    const t = trust({ known: ['http://10.0.0.2:4000'], answer: false });
    expect(await admitDeepLink(link, t)).toBe(false);
    expect(t.confirm).toHaveBeenCalledTimes(1);
    expect(t.confirm.mock.calls[0]![0]).toMatchObject({
      message: expect.stringContaining('203.0.113.7:4000'),
      confirmLabel: 'Open 203.0.113.7:4000',
    });
    expect(t.remember).not.toHaveBeenCalled();
  });

  it('opens a new hub after a yes, and does not ask again next time', async () => {
    const t = trust({ known: [], answer: true });
    expect(await admitDeepLink(link, t)).toBe(true);
    expect(await admitDeepLink(link, t)).toBe(true);
    expect(t.confirm).toHaveBeenCalledTimes(1);
    expect(t.remember).toHaveBeenCalledWith('http://203.0.113.7:4000');
  });
});

describe('starting to host from a page', () => {
  it('starts at once from the app’s own start screen', async () => {
    const confirm = vi.fn(async () => false);
    expect(await admitHostingStart(true, confirm)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks first when a hub’s page asks, and does not start on no', async () => {
    const confirm = vi.fn(async (_question: ConfirmQuestion) => false);
    expect(await admitHostingStart(false, confirm)).toBe(false);
    expect(confirm.mock.calls[0]![0].confirmLabel).toBe('Start hosting');
  });
});
