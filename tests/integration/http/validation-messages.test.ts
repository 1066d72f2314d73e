import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newcomer, signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/** A form sent with a field missing or a choice outside the list is told which, in words. */
let hub: TestHub;
let teacher: Person;

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  await signUp(hub, { role: 'teacher' }); // the admin
  teacher = await signUp(hub, { role: 'teacher' });
});
afterAll(() => hub.stop());

const fieldMessages = (body: {
  error: { details: { fields: { path: string; message: string }[] } };
}) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));

describe('validation messages', () => {
  it('name a missing field as required', async () => {
    const reply = await hub.call('createSession', { token: teacher.token, body: {} });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldMessages(reply.body)).toEqual({ title: 'Title is required.' });
    expect(reply.body.error.message).toBe('Check the form: title — Title is required.');
  });

  it('list the choices when a value is missing or not one of them', async () => {
    const { role: _role, ...withoutRole } = newcomer();
    const missing = await hub.call('register', { body: withoutRole });
    expect(missing.status).toBe(400);
    // zod reports a missing choice like a wrong one; the list of choices serves both.
    expect(fieldMessages(missing.body)).toEqual({ role: 'Role must be one of: student, teacher.' });

    const wrong = await hub.call('register', { body: { ...newcomer(), role: 'principal' } });
    expect(wrong.status).toBe(400);
    expect(fieldMessages(wrong.body)).toEqual({ role: 'Role must be one of: student, teacher.' });
  });

  it('name a field by its words, however deep it sits', async () => {
    const reply = await hub.call('register', {
      body: { ...newcomer(), firstName: undefined, lastName: 7 },
    });
    expect(reply.status).toBe(400);
    const messages = fieldMessages(reply.body);
    expect(messages.firstName).toBe('First name is required.');
    // A value of the wrong type keeps zod's exact wording: it is not missing.
    expect(messages.lastName).toMatch(/expected string/);
  });

  it('keep the messages the contract wrote itself', async () => {
    const reply = await hub.call('createCourse', { token: teacher.token, body: { title: '' } });
    expect(reply.status).toBe(400);
    expect(fieldMessages(reply.body)).toEqual({ title: 'Give the course a title.' });
  });
});

describe('a course created without a capacity', () => {
  it('gets 30 places, as EduStream’s courses did', async () => {
    const reply = await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Networks', description: 'Packets and routes' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ title: 'Networks', capacity: 30, enrolledCount: 0 });
    expect(reply.body.code).toMatch(/^CS\d{3}$/);
  });
});
