/** The start of a text for a notification: at most 140 characters. */
export function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
