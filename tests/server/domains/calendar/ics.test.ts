import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../../src-shared/schemas/calendar';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import { escapeText, fold, toICalendar, utc } from '../../../../src-server/domains/calendar/ics';

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  kind: 'deadline',
  id: 'd1',
  title: 'Essay',
  startsAt: '2026-12-04T09:30:00.000Z',
  endsAt: null,
  course: { id: 'c1' as CourseId, code: 'CS101', title: 'Writing' },
  ...overrides,
});
const options = {
  stamp: new Date('2026-12-01T08:00:00Z'),
  host: 'classhub',
  link: (e: CalendarEntry) => `http://hub.test/x/${e.id}`,
};
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar text', () => {
  it('writes UTC times in the basic form', () => {
    expect(utc('2026-12-04T09:30:00.000Z')).toBe('20261204T093000Z');
    expect(utc('2026-12-04T10:30:00+01:00')).toBe('20261204T093000Z');
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds long lines at 75 octets with CRLF and a space, never inside a character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'x'.repeat(50)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(fold('SHORT:line')).toBe('SHORT:line');
  });

  it('makes one VEVENT per entry with a stable UID, and a session its end', () => {
    const text = toICalendar(
      [
        entry(),
        entry({
          kind: 'session',
          id: 's1',
          title: 'Lab',
          endsAt: '2026-12-04T11:00:00.000Z',
          course: null,
        }),
      ],
      options,
    );
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:deadline-d1@classhub');
    expect(lines).toContain('UID:session-s1@classhub');
    expect(lines).toContain('DTSTAMP:20261201T080000Z');
    expect(lines).toContain('DTSTART:20261204T093000Z');
    expect(lines).toContain('DTEND:20261204T110000Z');
    expect(lines.filter((l) => l.startsWith('DTEND'))).toHaveLength(1);
    expect(lines).toContain('SUMMARY:CS101: Essay');
    expect(lines).toContain('URL:http://hub.test/x/d1');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});
