import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { verificationModes, type VerificationMode } from '../../../src-shared/schemas/accounts';
import type { HubSettings } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

const MB = 1024 * 1024;
const KB = 1024;

interface Values {
  verification: VerificationMode;
  uploadLimitMb: number | string;
  avatarLimitKb: number | string;
  allowRunnableUploads: boolean;
  visitorCatalogue: boolean;
}

/** How people join (verification), the largest upload and avatar (in MB and KB), and whether scripts may be uploaded. */
export function HubSettingsForm() {
  const t = useT();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      verification: 'approval',
      uploadLimitMb: 50,
      avatarLimitKb: 5120,
      allowRunnableUploads: false,
      visitorCatalogue: true,
    },
    validate: {
      uploadLimitMb: (v) =>
        typeof v === 'number' && v >= 1 && v <= 2048 ? null : t('settings.uploadRange'),
      avatarLimitKb: (v) =>
        typeof v === 'number' && v >= 64 && v <= 20480 ? null : t('settings.avatarRange'),
    },
  });
  const { setValues, resetDirty } = form;

  const apply = useCallback(
    (settings: HubSettings) => {
      setValues({
        verification: settings.verification,
        uploadLimitMb: Math.round(settings.uploadLimitBytes / MB),
        avatarLimitKb: Math.round(settings.avatarLimitBytes / KB),
        allowRunnableUploads: settings.allowRunnableUploads,
        visitorCatalogue: settings.visitorCatalogue,
      });
      resetDirty();
      setLoaded(true);
    },
    [setValues, resetDirty],
  );
  const load = useCallback(() => {
    setError(undefined);
    api.call('settings').then(apply, setError);
  }, [apply]);
  useEffect(load, [load]);

  async function submit(values: Values) {
    setError(undefined);
    setSaved(false);
    try {
      apply(
        await api.call('updateSettings', {
          body: {
            verification: values.verification,
            uploadLimitBytes: Number(values.uploadLimitMb) * MB,
            avatarLimitBytes: Number(values.avatarLimitKb) * KB,
            allowRunnableUploads: values.allowRunnableUploads,
            visitorCatalogue: values.visitorCatalogue,
          },
        }),
      );
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  if (!loaded && error === undefined) return <CardSkeleton lines={4} />;
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="hub-settings">
      <Stack>
        {error !== undefined && <ErrorNotice error={error} onRetry={loaded ? undefined : load} />}
        {saved && (
          <Alert
            color="teal"
            variant="light"
            role="status"
            icon={<IconCircleCheck size={20} aria-hidden />}
          >
            {t('settings.saved')}
          </Alert>
        )}
        <Radio.Group label={t('settings.verification')} {...form.getInputProps('verification')}>
          <Stack gap="sm" mt="xs">
            {verificationModes.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`settings.verification.${mode}`)}
                description={t(`settings.verification.${mode}Hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('settings.uploadLimit')}
            description={t('settings.uploadLimitHint')}
            suffix=" MB"
            min={1}
            max={2048}
            allowDecimal={false}
            {...form.getInputProps('uploadLimitMb')}
          />
          <NumberInput
            label={t('settings.avatarLimit')}
            description={t('settings.avatarLimitHint')}
            suffix=" KB"
            min={64}
            max={20480}
            step={64}
            allowDecimal={false}
            {...form.getInputProps('avatarLimitKb')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('settings.allowRunnableUploads')}
          description={t('settings.allowRunnableUploadsHint')}
          {...form.getInputProps('allowRunnableUploads', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('settings.visitorCatalogue')}
          description={t('settings.visitorCatalogueHint')}
          {...form.getInputProps('visitorCatalogue', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
