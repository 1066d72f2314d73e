import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminSubmission } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { fetchFile } from '../../app/file-transfer';
import { SubmissionVersionCell, fullName } from './cells';
import type { Collection } from './collection';
import { personColumn, timeColumn, pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Each file through the existing submission route, which already lets admins in. */
async function downloadAll(s: AdminSubmission): Promise<void> {
  for (const file of s.files)
    await fetchFile(
      api.url('downloadSubmissionFile', { submissionId: s.id, fileId: file.id }),
      file.fileName,
    );
}

/** Every version of every student's work: see who handed in what, and when; download it. */
export const submissionsCollection: Collection<AdminSubmission> = {
  name: 'submissions',
  title: 'admin.submissions.title',
  description: 'admin.submissions.description',
  icon: IconFileUpload,
  searchable: true,
  filters: [],
  columns: [
    personColumn('student', 'admin.column.student', (s) => s.student),
    {
      name: 'deadline',
      label: 'admin.column.deadline',
      render: (s) =>
        createElement(LinkCell, {
          to: `/courses/${s.course.id}`,
          title: s.deadline.title,
          detail: `${s.course.code} ${s.course.title}`,
        }),
    },
    {
      name: 'version',
      label: 'admin.column.version',
      render: (s) => createElement(SubmissionVersionCell, { submission: s }),
      visibleFrom: 'sm',
    },
    timeColumn('submitted', 'admin.column.submitted', (s) => s.submittedAt, 'md'),
  ],
  actions: [
    {
      name: 'download',
      label: 'admin.record.download',
      icon: IconDownload,
      visible: (s) => s.files.length > 0,
      run: downloadAll,
    },
  ],
  itemLabel: (s) => `${fullName(s.student)}: ${s.deadline.title}`,
  itemKey: (s) => s.id,
  load: (query) => api.call('adminSubmissions', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.submissions.emptyTitle',
  emptyText: 'admin.submissions.emptyText',
};
