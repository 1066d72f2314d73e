import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let admin: Person;
let student: Person;

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub); // the first account is the admin
  student = await signUp(hub);
});
afterAll(async () => {
  await hub.stop();
});

const send = (name: string, text: string, by = student) =>
  upload(`${hub.url}/api/uploads`, by.token, 'file', Buffer.from(text), name, 'text/plain', 'POST');

const allowRunnable = (allowed: boolean) =>
  hub.call('updateSettings', { token: admin.token, body: { allowRunnableUploads: allowed } });

describe('an uploaded file’s name is judged the way it will be saved', () => {
  it.each([
    ['notes.html ', 'a trailing space'],
    ['notes.html.', 'a trailing dot'],
    ['notes.html. . ', 'trailing dots and spaces'],
    ['notes.html%0A', 'an encoded line feed'],
    ['notes.ｈｔｍｌ', 'full-width letters'],
    ['notes.ht\u200bml', 'a zero-width space'],
  ])('refuses HTML text named "%s" (%s)', async (name) => {
    const reply = await send(name, '<p>Homework</p><script>steal()</script>');
    expect(reply.status).toBe(415);
    expect(reply.body?.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps the cleaned name of an ordinary file', async () => {
    const reply = await send('Week 1 notes.txt. \u202e', 'Read chapter one.');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ fileName: 'Week 1 notes.txt', contentType: 'text/plain' });
  });
});

describe('scripts and programs', () => {
  it.each([
    ['notes.bat', '@echo off\r\ndel /q %USERPROFILE%\\Documents\r\n'],
    ['notes.cmd', 'del /q C:\\\r\n'],
    ['setup.ps1', 'Remove-Item -Recurse ~\n'],
    ['readme.vbs', 'CreateObject("WScript.Shell").Run "calc"\n'],
    ['homework.js', 'WScript.Echo("hi")\n'],
    ['page.hta', 'hello\n'],
    ['link.url', '[InternetShortcut]\nURL=file:///C:/Windows/System32/calc.exe\n'],
    ['app.desktop', '[Desktop Entry]\nExec=sh -c "rm -rf ~"\n'],
    ['install.sh', 'echo hi\n'],
    ['notes.bat ', 'echo hi\n'],
    ['notes.bat::$DATA', 'echo hi\n'],
    ['notes.ｂａｔ', 'echo hi\n'],
  ])('are refused by name: "%s"', async (name, text) => {
    const reply = await send(name, text);
    expect(reply.status).toBe(415);
    expect(reply.body?.error.message).toMatch(/script or program/);
    expect(reply.body?.error.message).toMatch(
      /An admin can allow scripts and programs in the hub settings/,
    );
  });

  it.each([
    ['notes.txt', '#!/bin/sh\nrm -rf ~\n'],
    ['notes.txt', '@echo off\r\nformat c:\r\n'],
    ['shortcut.txt', '[InternetShortcut]\r\nURL=https://example.test\r\n'],
  ])('are refused by content: "%s" starting %j', async (name, text) => {
    const reply = await send(name, text);
    expect(reply.status).toBe(415);
    expect(reply.body?.error.message).toMatch(/starts like a script/);
  });

  it('refuses a Windows program whatever its name', async () => {
    const exe = Buffer.alloc(512);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    const reply = await upload(
      `${hub.url}/api/uploads`,
      student.token,
      'file',
      exe,
      'photo.pdf',
      'application/pdf',
      'POST',
    );
    expect(reply.status).toBe(415);
  });

  it('are accepted under their own name once the admin allows them, and refused again after', async () => {
    expect((await hub.call('settings', { token: admin.token })).body.allowRunnableUploads).toBe(
      false,
    );
    expect((await allowRunnable(true)).status).toBe(200);
    try {
      const reply = await send('notes.bat', '@echo off\r\necho hello\r\n');
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ fileName: 'notes.bat', contentType: 'text/plain' });
    } finally {
      await allowRunnable(false);
    }
    expect((await send('notes.bat', '@echo off\r\n')).status).toBe(415);
  });

  it('cannot be allowed by someone who is not the admin', async () => {
    const reply = await hub.call('updateSettings', {
      token: student.token,
      body: { allowRunnableUploads: true },
    });
    expect(reply.status).toBe(403);
  });
});
