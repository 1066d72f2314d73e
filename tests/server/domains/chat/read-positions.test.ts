import { afterEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { Room } from '../../../../src-shared/schemas/chat';
import { createLogger } from '../../../../src-server/logger';
import { ReadPositions } from '../../../../src-server/domains/chat/read-positions';
import type { ReadMarkerRecord } from '../../../../src-server/storage/records';
import type { ReadMarkersRepository } from '../../../../src-server/storage/repositories';
import { LogCapture } from '../../../support/log-capture';

const ana = 'ana' as UserId;
const room = 'course:1' as Room;

/** A markers repository that stores in a map and fails while `failing` is set (a full disk). */
function markers() {
  const stored = new Map<string, ReadMarkerRecord>();
  let puts = 0;
  const repository = {
    failing: false,
    stored,
    puts: () => puts,
    get: async (userId: UserId, stream: string) => stored.get(`${userId}|${stream}`),
    put: async (marker: ReadMarkerRecord) => {
      puts++;
      if (repository.failing) throw new Error('ENOSPC: no space left on device');
      stored.set(marker.id, marker);
      return marker;
    },
    listForUser: async () => [...stored.values()],
  };
  return repository;
}

let positions: ReadPositions | undefined;
afterEach(() => positions?.close());

describe('read positions', () => {
  it('answer from memory at once and write only the latest of many changes', async () => {
    const repo = markers();
    positions = new ReadPositions(repo as ReadMarkersRepository, createLogger('silent'));
    for (let seq = 1; seq <= 50; seq++) positions.set(ana, room, seq);
    expect(await positions.get(ana, room)).toBe(50);
    expect(repo.puts()).toBe(0);
    await positions.flush();
    expect(repo.puts()).toBe(1);
    expect(repo.stored.get(`ana|${room}`)?.seq).toBe(50);
  });

  it('keep a position whose write failed for the next flush, unless a newer one came', async () => {
    const repo = markers();
    const logs = new LogCapture();
    positions = new ReadPositions(repo as ReadMarkersRepository, createLogger('warn', logs));
    positions.set(ana, room, 3);
    repo.failing = true;
    await positions.flush();
    expect(repo.stored.size).toBe(0);
    expect(logs.text()).toContain('will retry');
    repo.failing = false;
    await positions.flush();
    expect(repo.stored.get(`ana|${room}`)?.seq).toBe(3);

    repo.failing = true;
    positions.set(ana, room, 4);
    const failing = positions.flush();
    positions.set(ana, room, 5); // arrives while the failing write is in flight
    await failing;
    repo.failing = false;
    await positions.close();
    expect(repo.stored.get(`ana|${room}`)?.seq).toBe(5);
  });

  it('answer from memory for one flush after writing, then only from storage', async () => {
    const repo = markers();
    positions = new ReadPositions(repo as ReadMarkersRepository, createLogger('silent'));
    positions.set(ana, room, 7);
    await positions.flush();
    // Someone reading along: their next receipt needs no look-up.
    expect(positions.inMemory(ana, room)).toBe(7);
    await positions.flush();
    // Not moved for a whole flush: memory lets it go, storage still has it.
    expect(positions.inMemory(ana, room)).toBeUndefined();
    expect(await positions.get(ana, room)).toBe(7);
  });
});
