import { useEffect, useState } from 'react';
import type { AttendanceWindow } from '../../../../src-shared/schemas/class-tools/attendance';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { api, socket } from '../../../app/hub-client';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ClassToolProps } from '../class-tool';
import { useSessionTool } from '../use-session-tool';
import { StudentAttendance } from './StudentAttendance';
import { TeacherAttendance } from './TeacherAttendance';

const upsert = (all: AttendanceWindow[], w: AttendanceWindow) =>
  all.some((x) => x.id === w.id) ? all.map((x) => (x.id === w.id ? w : x)) : [w, ...all];

/** Attendance: a check-in window opened by the teacher; students check in with the token or its QR link. */
export function AttendanceTool({ sessionId, role }: ClassToolProps) {
  const [session, setSession] = useState<Session>();
  const { data, setData, error, reload } = useSessionTool(
    () => api.call('sessionAttendance', { params: { sessionId } }),
    [sessionId],
  );
  useEffect(() => {
    if (role !== 'student')
      void api.call('session', { params: { sessionId } }).then(setSession, () => undefined);
  }, [sessionId, role]);
  useEffect(() => {
    const stops = [
      socket.on('attendance:changed', (w) => {
        if (w.sessionId !== sessionId) return;
        // The room's packet carries no counts and nobody's check-in: a fresh list has this viewer's own.
        if (role === 'student') reload();
        else
          setData((all = []) =>
            upsert(all, { ...w, counts: all.find((x) => x.id === w.id)?.counts ?? w.counts }),
          );
      }),
      socket.on('attendance:counts', (w) => {
        if (w.sessionId === sessionId) setData((all = []) => upsert(all, w));
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [sessionId, role, setData, reload]);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!data) return null;
  if (role === 'student') return <StudentAttendance current={data[0]} onCheckedIn={reload} />;
  return (
    <TeacherAttendance
      session={session}
      windows={data}
      readOnly={role === 'observer'}
      onChange={(w) => setData((all = []) => upsert(all, w))}
    />
  );
}
