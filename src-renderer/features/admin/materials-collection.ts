import { IconDownload, IconFiles, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminMaterial } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { languageStore } from '../../app/i18n';
import { formatSize } from '../../ui/countdown';
import { fetchFile } from '../../app/file-transfer';
import type { Collection } from './collection';
import { timeColumn, pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Every material of every course: download or delete (students lose it at once). */
export const materialsCollection: Collection<AdminMaterial> = {
  name: 'materials',
  title: 'admin.materials.title',
  description: 'admin.materials.description',
  icon: IconFiles,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'material',
      label: 'admin.column.title',
      render: (m) =>
        createElement(LinkCell, {
          to: `/courses/${m.course.id}`,
          title: m.title,
          detail: `${m.course.code} ${m.course.title}`,
        }),
    },
    {
      name: 'file',
      label: 'admin.column.file',
      render: (m) => `${m.fileName} · ${formatSize(m.size, languageStore.get().language)}`,
      visibleFrom: 'sm',
    },
    timeColumn('created', 'admin.column.created', (m) => m.createdAt, 'md'),
  ],
  actions: [
    {
      name: 'download',
      label: 'admin.record.download',
      icon: IconDownload,
      run: (m) => fetchFile(api.url('downloadMaterial', { materialId: m.id }), m.fileName),
    },
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.materials.confirmDelete',
      run: (m) => api.call('deleteMaterial', { params: { materialId: m.id } }),
    },
  ],
  itemLabel: (m) => m.title,
  itemKey: (m) => m.id,
  load: (query) => api.call('adminMaterials', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.materials.emptyTitle',
  emptyText: 'admin.materials.emptyText',
};
