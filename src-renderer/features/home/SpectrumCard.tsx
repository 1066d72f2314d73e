import { Box, ColorSwatch, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChartDonut } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { spectrumSchema } from '../../../src-shared/schemas/dashboard';
import { fileKinds, type FileKind } from '../../../src-shared/schemas/files';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Spectrum = z.output<typeof spectrumSchema>;

/** Theme colours per material kind (Mantine palette names, so both schemes keep contrast). */
const KIND_COLOR: Record<FileKind, string> = {
  document: 'blue',
  slides: 'grape',
  media: 'teal',
  archive: 'orange',
  other: 'gray',
};

/** EduStream's resource spectrum: the mix of material kinds in one course, switchable by course. */
export function SpectrumCard() {
  const t = useT();
  const [rows, setRows] = useState<Spectrum>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<string>();
  const load = useCallback(() => {
    setError(undefined);
    api.call('resourceSpectrum').then(setRows, setError);
  }, []);
  useEffect(load, [load]);

  const withMaterials = rows?.filter((r) => Object.values(r.counts).some((n) => n > 0)) ?? [];
  const row = withMaterials.find((r) => r.courseId === selected) ?? withMaterials[0];
  const kinds = row ? fileKinds.filter((kind) => row.counts[kind] > 0) : [];
  const kindText = (kind: FileKind) => `${t(`home.student.kind.${kind}`)} · ${row?.counts[kind]}`;

  return (
    <BentoCard
      title={t('home.student.spectrum')}
      icon={<IconChartDonut size={20} />}
      color="orange"
      loading={!rows && error === undefined}
    >
      {error !== undefined ? (
        <ErrorNotice error={error} onRetry={load} />
      ) : !row ? (
        <CardEmpty title={t('home.student.spectrumEmpty')}>
          {t('home.student.spectrumEmptyText')}
        </CardEmpty>
      ) : (
        <Stack gap="sm">
          {withMaterials.length > 1 && (
            <SegmentedControl
              size="xs"
              aria-label={t('home.student.spectrumCourse')}
              value={row.courseId}
              onChange={setSelected}
              data={withMaterials.map((r) => ({ value: r.courseId, label: r.courseCode }))}
            />
          )}
          {/* One labelled image for assistive technology; the coloured parts are decoration. */}
          <Box
            role="img"
            aria-label={`${t('home.student.spectrumBar', { code: row.courseCode })}: ${kinds.map(kindText).join(', ')}`}
            style={{ display: 'flex', height: 16, borderRadius: 8, overflow: 'hidden' }}
          >
            {kinds.map((kind) => (
              <Box key={kind} bg={`${KIND_COLOR[kind]}.6`} style={{ flexGrow: row.counts[kind] }} />
            ))}
          </Box>
          <Group gap="md">
            {kinds.map((kind) => (
              <Group key={kind} gap={6} wrap="nowrap">
                <ColorSwatch
                  color={`var(--mantine-color-${KIND_COLOR[kind]}-6)`}
                  size={10}
                  withShadow={false}
                />
                <Text size="xs">{kindText(kind)}</Text>
              </Group>
            ))}
          </Group>
        </Stack>
      )}
    </BentoCard>
  );
}
