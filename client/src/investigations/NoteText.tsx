import type { ReactNode } from 'react';

// Links (http and https only), **strong** and *emphasis*: the only markup a note has. Anything else,
// HTML included, is shown as the text it is (React escapes it).
const markup = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*/g;

/** A note's text with its links and emphasis, never as HTML. */
export function NoteText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(markup)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const [whole, url, strong, emphasis] = match;
    const key = match.index;
    if (url) {
      parts.push(
        <a key={key} href={url} target="_blank" rel="noopener noreferrer nofollow">
          {url}
        </a>,
      );
    } else if (strong) parts.push(<strong key={key}>{strong}</strong>);
    else parts.push(<em key={key}>{emphasis}</em>);
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <span className="note-text">{parts}</span>;
}
