import { ThemeIcon } from '@mantine/core';
import {
  IconFile,
  IconFileText,
  IconFileZip,
  IconPhotoVideo,
  IconPresentation,
} from '@tabler/icons-react';
import type { FileKind } from '../../src-shared/schemas/files';

const icons = {
  document: { Icon: IconFileText, color: 'blue' },
  slides: { Icon: IconPresentation, color: 'orange' },
  media: { Icon: IconPhotoVideo, color: 'grape' },
  archive: { Icon: IconFileZip, color: 'yellow' },
  other: { Icon: IconFile, color: 'gray' },
} as const;

export function kindColor(kind: FileKind): string {
  return icons[kind].color;
}

/** The icon of a file's kind; decorative, the kind is also said in words beside it. */
export function FileKindIcon({ kind }: { kind: FileKind }) {
  const { Icon, color } = icons[kind];
  return (
    <ThemeIcon variant="light" color={color} size={40} radius="md" aria-hidden>
      <Icon size={22} />
    </ThemeIcon>
  );
}
