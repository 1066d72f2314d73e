import type { Locator, Page } from '@playwright/test';
import { GOOD_PASSWORD } from '../support/people';
import { expect } from '../support/e2e-hub';

export { GOOD_PASSWORD };

export interface NewPerson {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  password: string;
  role: 'student' | 'teacher';
}

export function person(username: string, role: NewPerson['role'] = 'student'): NewPerson {
  return {
    firstName: username.charAt(0).toUpperCase() + username.slice(1),
    lastName: 'Quill',
    username,
    email: `${username}@school.test`,
    password: GOOD_PASSWORD,
    role,
  };
}

/** Mantine marks required labels with " *"; match the label's words. */
export const field = (page: Page | Locator, label: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${label}( \\*)?$`) });

export async function fillRegistration(page: Page, p: NewPerson): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(p.role, 'i') }).click();
  await field(page, 'First name').fill(p.firstName);
  await field(page, 'Last name').fill(p.lastName);
  await field(page, 'Username').fill(p.username);
  await field(page, 'Email').fill(p.email);
  await field(page, 'Password').fill(p.password);
  await field(page, 'Confirm password').fill(p.password);
}

export async function registerThroughUi(page: Page, p: NewPerson): Promise<void> {
  await page.goto('/register');
  await fillRegistration(page, p);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signInThroughUi(page: Page, username: string, password = GOOD_PASSWORD) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await field(page, 'Username or email').fill(username);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function expectSignedInHome(page: Page, firstName: string): Promise<void> {
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(firstName);
}
