import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';

/** A bare web address in text: http(s) or www., not ending in punctuation that closes a sentence. */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;"')\]!?]/gi;

/**
 * A remark plugin that turns bare web addresses into links, as people expect
 * in a chat (CommonMark only links `<https://…>` and `[text](url)`). Text
 * inside links and code is left alone.
 */
export function remarkLinkify() {
  return (tree: Root) => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const parent = node as Parent;
  const next: Parent['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'text') next.push(...splitText(child));
    else {
      visit(child);
      next.push(child);
    }
  }
  parent.children = next;
}

export function splitText(node: Text): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(URL_PATTERN)) {
    const start = match.index;
    if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) });
    const text = match[0];
    const url = text.toLowerCase().startsWith('www.') ? `https://${text}` : text;
    const link: Link = { type: 'link', url, children: [{ type: 'text', value: text }] };
    parts.push(link);
    last = start + text.length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}
