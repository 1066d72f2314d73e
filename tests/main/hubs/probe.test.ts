import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHubAddress, probeHub } from '../../../src-main/hubs/probe';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let other: Server;
let silent: Server;
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const listen = (server: Server) =>
  new Promise<Server>((done) => server.listen(0, '127.0.0.1', () => done(server)));

beforeAll(async () => {
  hub = await startHub();
  // Some other web server, answering everything with a page.
  other = await listen(createServer((_req, res) => res.end('<html>Printer setup</html>')));
  // Accepts connections and never answers.
  silent = await listen(createServer(() => undefined));
});
afterAll(async () => {
  await hub.stop();
  other.closeAllConnections();
  silent.closeAllConnections();
  await new Promise((done) => other.close(done));
  await new Promise((done) => silent.close(done));
});

describe('an address typed by a person', () => {
  it('becomes an origin, with http when no scheme is given', () => {
    expect(normaliseHubAddress('192.168.1.20:4000')).toBe('http://192.168.1.20:4000');
    expect(normaliseHubAddress('  http://Hub.School.org:4000/  ')).toBe(
      'http://hub.school.org:4000',
    );
    expect(normaliseHubAddress('https://hub.school.org/courses/1')).toBe('https://hub.school.org');
    expect(normaliseHubAddress('localhost:4000')).toBe('http://localhost:4000');
    expect(normaliseHubAddress('[fd00::2]:4000')).toBe('http://[fd00::2]:4000');
  });

  it('is refused, with an example, when it is not an address', () => {
    for (const typed of ['', '   ', 'my hub', 'ftp://hub.school.org', 'http://', 'http://a:b@hub'])
      expect(() => normaliseHubAddress(typed), typed).toThrow(/That is not a valid address/);
  });
});

describe('probing a hub', () => {
  it('accepts a ClassHub hub, however its address was typed', async () => {
    const typed = hub.url.replace('http://', '') + '/';
    const probed = await probeHub(typed);
    expect(probed.url).toBe(hub.url);
    expect(probed.version).toMatch(/\d+\.\d+/);
  });

  it('refuses another web server with a clear message', async () => {
    const url = `http://127.0.0.1:${portOf(other)}`;
    await expect(probeHub(url)).rejects.toMatchObject({
      problem: 'NOT_A_HUB',
      code: 'NOT_FOUND',
      message: expect.stringContaining(`No ClassHub hub answers at ${url}: something else`),
    });
  });

  it('says so when nothing listens, or nothing answers in time', async () => {
    const closed = await listen(createServer());
    const closedUrl = `http://127.0.0.1:${portOf(closed)}`;
    await new Promise((done) => closed.close(done));
    await expect(probeHub(closedUrl)).rejects.toThrow(
      `No ClassHub hub answers at ${closedUrl}: nothing is listening there.`,
    );
    await expect(probeHub(`127.0.0.1:${portOf(silent)}`, { timeoutMs: 300 })).rejects.toMatchObject(
      {
        problem: 'NO_HUB',
        message: expect.stringContaining('nothing replied within'),
      },
    );
  });
});
