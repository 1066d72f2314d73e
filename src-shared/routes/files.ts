import { route } from '../api-route';
import { storedFileSchema } from '../schemas/files';

/** Uploads: a file is stored first, then attached to a post (or material, submission) by its id. */
export const fileRoutes = {
  upload: route({
    method: 'post',
    path: '/uploads',
    tag: 'files',
    auth: 'user',
    successStatus: 201,
    summary:
      'Upload one file (streamed, checked by content, size-limited); attach it by id afterwards',
    description:
      'Allowed: PDF, images, audio, video, office documents, archives, plain text. Unattached uploads are yours alone.',
    upload: {
      field: 'file',
      accept: [
        'application/pdf',
        'image/*',
        'audio/*',
        'video/*',
        'office documents',
        'archives',
        'text/plain',
      ],
    },
    response: storedFileSchema,
  }),
} as const;
