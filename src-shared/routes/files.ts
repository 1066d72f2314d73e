import { route } from '../api-route';
import { downloadLinkRequestSchema, downloadLinkSchema, storedFileSchema } from '../schemas/files';

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
  downloadLink: route({
    method: 'post',
    path: '/download-links',
    tag: 'files',
    auth: 'user',
    summary: 'A short-lived link to one file download that works without the Authorization header',
    description:
      'For browsers saving big files natively (streamed, resumable) and for previews (add `&inline=1`: PDFs and raster images open inline). Signed only if you may read that file (the file route’s own 403/404 otherwise). Valid 10 minutes and only while this sign-in lasts; open it as a plain GET.',
    body: downloadLinkRequestSchema,
    response: downloadLinkSchema,
  }),
} as const;
