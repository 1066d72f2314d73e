import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** resources/app/common-passwords.txt: one lower-case password per line (source in resources/app/README.md). */
export const DEFAULT_COMMON_PASSWORDS_FILE = fileURLToPath(
  new URL('../../../resources/app/common-passwords.txt', import.meta.url),
);

export async function loadCommonPasswords(
  file = DEFAULT_COMMON_PASSWORDS_FILE,
): Promise<(password: string) => boolean> {
  const list = new Set(
    (await readFile(file, 'utf8'))
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return (password) => list.has(password.toLowerCase());
}
