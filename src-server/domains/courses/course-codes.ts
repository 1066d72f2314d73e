import type { CourseCodeAvailability } from '../../../src-shared/schemas/courses';
import { courseCodeSchema } from '../../../src-shared/schemas/courses';
import type { DomainError } from '../../domain-error';
import { fieldError } from '../../domain-error';
import type { Storage } from '../../storage/repositories';
import { newJoinToken } from '../sessions/join-token';

/*
 * A course's two codes: the catalogue code people cite ("MATH101") and the
 * short join code a teacher hands out. The unique keys of the courses
 * collection are the real guard; what is here picks and explains them.
 */

/** Course codes start at 101 per prefix, like a university catalogue. */
const FIRST_CODE_NUMBER = 101;

type CourseCodes = Pick<Storage, 'courses'>;

/** The refusal of a code in use, naming the field and the way out. */
export function codeTaken(code: string): DomainError {
  return fieldError(
    'code',
    `The course code ${code} is already taken; choose another or leave it empty for an automatic one.`,
    'CONFLICT',
  );
}

/** The next free number after the highest code with this prefix (MATH101, MATH102 …). */
export async function nextCourseCode(storage: CourseCodes, prefix: string): Promise<string> {
  const numbers = (await storage.courses.codesWithPrefix(prefix)).map((code) =>
    Number.parseInt(code.slice(prefix.length), 10),
  );
  return `${prefix}${Math.max(FIRST_CODE_NUMBER - 1, ...numbers.filter(Number.isFinite)) + 1}`;
}

/** The live check behind the create dialog; the insert stays the real guard. */
export async function courseCodeAvailability(
  storage: CourseCodes,
  raw: string,
): Promise<CourseCodeAvailability> {
  const parsed = courseCodeSchema.safeParse(raw);
  if (!parsed.success)
    return {
      code: raw.trim().toUpperCase(),
      available: false,
      message: parsed.error.issues[0]!.message,
    };
  const code = parsed.data;
  if (await storage.courses.findByCode(code))
    return { code, available: false, message: codeTaken(code).message };
  return { code, available: true, message: `${code} is free.` };
}

/** Seven characters of a session join token: short enough to read out in class. */
export function newJoinCode(): string {
  return newJoinToken().slice(0, 7);
}
