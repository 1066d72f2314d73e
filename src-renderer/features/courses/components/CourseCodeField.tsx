import { Loader, TextInput, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CourseCodeAvailability } from '../../../../src-shared/schemas/courses';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** A message from submitting (the hub's 409), which wins over the live check. */
  error?: React.ReactNode;
}

/**
 * A course code of the teacher's own, checked with the hub while typing
 * (debounced) so a taken code is known before pressing Create. Empty means
 * "the automatic one".
 */
export function CourseCodeField({ value, onChange, error }: Props) {
  const t = useT();
  const [typed] = useDebouncedValue(value.trim(), 350);
  const availability = useAvailability(typed);
  const checking = value.trim() !== '' && availability?.code !== value.trim().toUpperCase();
  const live = !checking && availability && !availability.available ? availability.message : null;
  return (
    <TextInput
      label={t('courses.field.code')}
      description={
        availability?.available && !checking ? availability.message : t('courses.field.codeHint')
      }
      placeholder={t('courses.field.codePlaceholder')}
      maxLength={12}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.toUpperCase())}
      error={error ?? live}
      rightSection={
        checking ? (
          <Loader size="xs" aria-label={t('courses.field.codeChecking')} />
        ) : availability?.available ? (
          <ThemeIcon color="teal" variant="transparent" size="sm" aria-hidden>
            <IconCircleCheck size={18} />
          </ThemeIcon>
        ) : null
      }
      data-testid="course-code"
    />
  );
}

function useAvailability(code: string): CourseCodeAvailability | undefined {
  const [result, setResult] = useState<CourseCodeAvailability>();
  useEffect(() => {
    if (!code) {
      setResult(undefined);
      return;
    }
    let current = true;
    api.call('courseCodeAvailability', { params: { code } }).then(
      (answer) => {
        if (current) setResult(answer);
      },
      // The live check is a courtesy; submitting still gets the hub's answer.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [code]);
  return result;
}
