// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatMarkdown } from '../../../../src-renderer/features/chat/markdown';
import { renderWithTheme } from '../../../renderer/render';

afterEach(cleanup);

function html(text: string): HTMLElement {
  const { container } = renderWithTheme(<ChatMarkdown text={text} />);
  return container;
}

describe('markdown-lite in chat', () => {
  it('renders bold, italics, inline code and code blocks', () => {
    const out = html('**bold** _it_ `x = 1`\n\n```\nline 1\nline 2\n```');
    expect(out.querySelector('strong')?.textContent).toBe('bold');
    expect(out.querySelector('em')?.textContent).toBe('it');
    expect(out.querySelector('p code')?.textContent).toBe('x = 1');
    expect(out.querySelector('pre code')?.textContent).toBe('line 1\nline 2\n');
  });

  it('opens links outside the app, without giving the page a handle on ClassHub', () => {
    const link = html('[docs](https://example.org/a) and https://example.org/b.').querySelectorAll(
      'a',
    );
    expect([...link].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
    for (const a of link) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('never makes a link of a script address', () => {
    const out = html('[click me](javascript:alert(1))');
    expect(out.querySelector('a')).toBeNull();
    expect(out.textContent).toContain('click me');
  });

  it('shows HTML as the text it is, and loads no images', () => {
    const out = html('<b>hi</b> <img src=x onerror=alert(1)> ![cat](https://example.org/cat.png)');
    expect(out.querySelector('b, img, script')).toBeNull();
    expect(out.textContent).toContain('<b>hi</b>');
  });

  it('leaves headings, lists, quotes and rules as typed', () => {
    const text = '# Exam\n- milk\n- eggs\n> quoted\n\n---';
    const out = html(text);
    expect(out.querySelector('h1, ul, li, blockquote, hr')).toBeNull();
    expect(out.querySelector('p')?.textContent).toBe('# Exam\n- milk\n- eggs\n> quoted');
  });

  it('does not link addresses inside code', () => {
    expect(html('`https://example.org`').querySelector('a')).toBeNull();
  });
});
