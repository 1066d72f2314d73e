import { Anchor } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { Processor } from 'unified';
import { isDesktop, openExternal } from '../../desktop';
import { remarkLinkify } from './linkify';
import classes from './chat.module.css';

/**
 * Markdown-lite for chat: links, bold, italics, inline code and code
 * blocks — nothing else. Other constructs are switched off in the parser,
 * so "- milk" or "# 1" stay the text people typed and HTML shows as text;
 * allowedElements is the second fence (anything else is unwrapped to its
 * text). Images never load.
 */
export const ALLOWED_ELEMENTS = ['p', 'a', 'strong', 'em', 'code', 'pre', 'br'];

/** micromark construct names; see micromark's `constructs`. */
const DISABLED_CONSTRUCTS = [
  'blockQuote',
  'codeIndented',
  'definition',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'list',
  'setextUnderline',
  'thematicBreak',
];

function remarkChatLite(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  data.micromarkExtensions = [
    ...(data.micromarkExtensions ?? []),
    { disable: { null: DISABLED_CONSTRUCTS } },
  ];
}

function ExternalLink({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  // The default URL transform empties javascript: and other unsafe addresses: show the words only.
  if (!href) return <>{children}</>;
  const onClick = (event: MouseEvent) => {
    // In the desktop window a new tab would be another app window: hand the link to the system browser.
    if (isDesktop()) {
      event.preventDefault();
      openExternal(href);
    }
  };
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" onClick={onClick} inherit>
      {children}
    </Anchor>
  );
}

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
};

const remarkPlugins = [remarkChatLite, remarkLinkify];

export function ChatMarkdown({ text }: { text: string }) {
  return (
    <div className={classes.text}>
      <Markdown
        remarkPlugins={remarkPlugins}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        skipHtml
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
}
