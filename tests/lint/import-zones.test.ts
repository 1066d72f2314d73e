import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer and zone rules of DESIGN.md hold because lint refuses a
 * crossing. Each probe is linted as if it lived at that path; type-aware
 * rules are switched off here (they need the file on disk and are not what
 * is being checked).
 */
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { project: null, projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('lint keeps each part of the code to its own imports', () => {
  it('refuses storage in realtime/ and http/', async () => {
    const probe =
      "import type { Storage } from '../storage/repositories';\nexport type S = Storage;\n";
    expect(await restrictedImports('src-server/realtime/probe.ts', probe)).toHaveLength(1);
    expect(await restrictedImports('src-server/http/probe.ts', probe)).toHaveLength(1);
  });

  it('refuses express and http/ in a domain service, but lets domains use storage', async () => {
    const express = "import type { Request } from 'express';\nexport type R = Request;\n";
    const http =
      "import { sendFileReply } from '../../http/download';\nexport const s = sendFileReply;\n";
    const storage =
      "import type { Storage } from '../../storage/repositories';\nexport type S = Storage;\n";
    expect(await restrictedImports('src-server/domains/courses/probe.ts', express)).toHaveLength(1);
    expect(await restrictedImports('src-server/domains/courses/probe.ts', http)).toHaveLength(1);
    expect(await restrictedImports('src-server/domains/courses/probe.ts', storage)).toEqual([]);
  });

  it('refuses the server in the renderer and anything but zod in src-shared', async () => {
    const server = "import { createHub } from '../src-server/hub';\nexport const h = createHub;\n";
    expect(await restrictedImports('src-renderer/probe.ts', server)).toHaveLength(1);
    const node = "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n";
    expect(await restrictedImports('src-shared/probe.ts', node)).toHaveLength(1);
  });
});
