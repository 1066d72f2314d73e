import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG, upload } from '../support/files';
import { expectSignedInHome, signInThroughUi } from './helpers';

/** Shared by the chat specs: a small world, signed-in pages and locators of the chat page. */

/** A teacher's course (with a material) and session, and a student in both. */
export async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({
    username: 'davis',
    firstName: 'Grace',
    lastName: 'Davis',
    role: 'teacher',
  });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 30 },
  });
  const courseId = course.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    TINY_PNG,
    'sorting-diagram.png',
    'image/png',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: file.body.id, title: 'Sorting diagram' },
  });
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Study group' },
  });
  await hub.call('joinSession', {
    token: student.token,
    body: { token: session.body.joinToken },
  });
  return {
    teacher,
    student,
    courseRoom: `course:${courseId}`,
    sessionRoom: `session:${session.body.id as string}`,
  };
}

export async function say(hub: E2EHub, token: string, room: string, text: string) {
  const reply = await hub.call('sendMessage', {
    token,
    params: { room },
    body: { clientId: randomUUID(), text },
  });
  expect(reply.status).toBe(201);
}

export const errorsOf = new WeakMap<Page, string[]>();

export async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  errorsOf.set(page, errors);
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

export const chatUrl = (room: string) => `/chat/${encodeURIComponent(room)}`;
export const composer = (page: Page) => page.getByRole('textbox', { name: /^Message / });
export const messages = (page: Page) => page.getByRole('log');
export const message = (page: Page, text: string | RegExp) =>
  messages(page).getByTestId('chat-message').filter({ hasText: text });
