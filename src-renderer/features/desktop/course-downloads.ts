import type { DownloadJob, DownloadRequest, LibraryItem } from '../../../src-shared/bridge';
import { api as routes, buildPath } from '../../../src-shared/api';
import type { Course, Material } from '../../../src-shared/schemas/courses';
import { desktopBridge } from '../../desktop';
import { desktopStore, latestJobs, upsertJob } from './desktop-store';

/** What main needs to fetch one material into the library, checksum included. */
export function materialDownload(
  material: Material,
  course: Pick<Course, 'id' | 'title'>,
  hubUrl: string = location.origin,
): DownloadRequest {
  return {
    hubUrl,
    path: buildPath(routes.downloadMaterial.path, { materialId: material.id }),
    title: material.title,
    fileName: material.file.fileName,
    sha256: material.file.sha256,
    size: material.file.size,
    kind: material.file.kind,
    source: 'material',
    courseId: course.id,
    courseTitle: course.title,
  };
}

export type OfflineState =
  | { state: 'none' }
  | { state: 'saved'; item: LibraryItem }
  | { state: 'active'; job: DownloadJob }
  | { state: 'failed'; job: DownloadJob };

/** Where one material stands on this computer: saved, on its way, failed, or not at all. */
export function offlineState(
  request: Pick<DownloadRequest, 'hubUrl' | 'path' | 'sha256'>,
  jobs: readonly DownloadJob[],
  library: readonly LibraryItem[],
): OfflineState {
  const item = library.find((i) => i.hubUrl === request.hubUrl && i.sha256 === request.sha256);
  if (item) return { state: 'saved', item };
  const job = latestJobs(jobs).find((j) => j.hubUrl === request.hubUrl && j.path === request.path);
  if (!job || job.state === 'cancelled' || job.state === 'done') return { state: 'none' };
  return job.state === 'failed' ? { state: 'failed', job } : { state: 'active', job };
}

/** Queues files and shows their jobs at once (main's push events follow). */
export async function enqueueDownloads(requests: DownloadRequest[]): Promise<DownloadJob[]> {
  const bridge = desktopBridge();
  if (!bridge || requests.length === 0) return [];
  const jobs = await bridge.downloads.enqueue(requests);
  desktopStore.set((s) => ({ downloads: jobs.reduce(upsertJob, [...s.downloads]) }));
  return jobs;
}

/**
 * "Download course": every material not already saved or on its way, in one
 * call. Returns how many were queued.
 */
export async function downloadCourse(
  course: Pick<Course, 'id' | 'title'>,
  materials: readonly Material[],
): Promise<number> {
  const { downloads, library } = desktopStore.get();
  const requests = materials
    .map((material) => materialDownload(material, course))
    .filter((request) => offlineState(request, downloads, library).state !== 'saved')
    .filter((request) => offlineState(request, downloads, library).state !== 'active');
  await enqueueDownloads(requests);
  return requests.length;
}

/** A failed job is queued again as a new job; the failed one is then hidden behind it. */
export async function retryDownload(job: DownloadJob): Promise<void> {
  const request: DownloadRequest = {
    hubUrl: job.hubUrl,
    path: job.path,
    title: job.title,
    fileName: job.fileName,
    sha256: job.sha256,
    size: job.size,
    kind: job.kind,
    source: job.source,
    ...(job.courseId !== undefined ? { courseId: job.courseId } : {}),
    ...(job.courseTitle !== undefined ? { courseTitle: job.courseTitle } : {}),
  };
  await enqueueDownloads([request]);
}
