/** Background colours with white text at ≥ 4.5:1 contrast (WCAG AA). */
const PALETTE = [
  '#1c7ed6',
  '#2f9e44',
  '#c2255c',
  '#7048e8',
  '#e8590c',
  '#0c8599',
  '#5c940d',
  '#d6336c',
];

/** An SVG with the person's initials, coloured by their id so it stays the same everywhere. */
export function initialsAvatarSvg(user: {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
}): string {
  const initials = (
    firstLetter(user.firstName) + firstLetter(user.lastName) || firstLetter(user.username)
  ).toUpperCase();
  let hash = 0;
  for (const char of user.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const colour = PALETTE[hash % PALETTE.length];
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">' +
    `<rect width="128" height="128" fill="${colour}"/>` +
    '<text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="52" font-weight="600" fill="#fff">' +
    `${escapeXml(initials)}</text></svg>`
  );
}

function firstLetter(value: string): string {
  return Array.from(value.trim())[0] ?? '';
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
