import type { CourseId } from '../../../src-shared/schemas/courses';
import type { BoardDevice, DeviceBoard } from '../../../src-shared/schemas/devices';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface DeviceBoardState {
  /** The open course's board (its teacher or an admin). */
  board: DeviceBoard | null;
}

export const deviceBoardStore = createStore<DeviceBoardState>({ board: null });

export async function loadDeviceBoard(courseId: CourseId): Promise<void> {
  const board = await api.call('deviceBoard', { params: { courseId } });
  deviceBoardStore.set({ board });
}

export type MaterialsLook =
  | { state: 'browser' }
  | { state: 'not-reported' }
  | { state: 'no-materials' }
  | { state: 'all'; count: number }
  | { state: 'some'; present: number; count: number; missing: string[] };

/** What one device holds of the course's materials, in the words the board shows. */
export function materialsLook(
  device: BoardDevice,
  materials: DeviceBoard['materials'],
): MaterialsLook {
  if (device.kind === 'browser') return { state: 'browser' };
  if (device.presentMaterialIds === null) return { state: 'not-reported' };
  if (materials.length === 0) return { state: 'no-materials' };
  const present = new Set(device.presentMaterialIds);
  const missing = materials.filter((m) => !present.has(m.id)).map((m) => m.title);
  return missing.length === 0
    ? { state: 'all', count: materials.length }
    : {
        state: 'some',
        present: materials.length - missing.length,
        count: materials.length,
        missing,
      };
}

/** Ready for class: some desktop of theirs holds every material of the course. */
export function readyStudents(board: DeviceBoard): number {
  return board.students.filter((s) =>
    s.devices.some((d) => {
      const look = materialsLook(d, board.materials);
      return look.state === 'all' || look.state === 'no-materials';
    }),
  ).length;
}
