import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { api } from '../../../app/hub-client';
import { useAccount } from '../../auth';

/**
 * A teacher may tie a session to one of their courses (then only its active
 * students can join). Shown only to someone teaching at least one course.
 */
export function CourseSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (courseId: string | null) => void;
}) {
  const t = useT();
  const account = useAccount();
  const [courses, setCourses] = useState<Course[]>([]);
  useEffect(() => {
    if (account?.role !== 'teacher') return;
    let live = true;
    api
      .call('courses', { query: { scope: 'mine', pageSize: 100 } })
      .then((page) => {
        if (live) setCourses(page.items.filter((c) => c.teacher.id === account.id));
      })
      .catch(() => undefined); // without the list the session simply stays course-free
    return () => {
      live = false;
    };
  }, [account]);
  if (courses.length === 0) return null;
  return (
    <Select
      label={t('sessions.field.course')}
      description={t('sessions.field.courseHint')}
      placeholder={t('sessions.field.noCourse')}
      clearable
      data={courses.map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }))}
      value={value}
      onChange={onChange}
    />
  );
}
