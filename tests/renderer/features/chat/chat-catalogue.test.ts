import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chat } from '../../../../src-renderer/app/i18n/en/chat';

const folder = fileURLToPath(new URL('../../../../src-renderer/app/i18n/en/', import.meta.url));

describe('the chat strings', () => {
  it('use no key that another area file defines too', async () => {
    const clashes: string[] = [];
    for (const file of readdirSync(folder).filter((f) => f !== 'chat.ts')) {
      const area = (await import(`${folder}${file}`)) as Record<string, object>;
      for (const messages of Object.values(area))
        for (const key of Object.keys(messages)) if (key in chat) clashes.push(`${key} (${file})`);
    }
    expect(clashes).toEqual([]);
  });
});
