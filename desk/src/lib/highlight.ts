// Highlights ranges of a sanitized HTML string (finding offsets from the server) and quoted passages in rendered DOM.

export interface HtmlRange {
  start: number;
  length: number;
  className: string;
  id: string;
}

/**
 * Wraps the text inside each range in <mark>, never cutting a tag: a range that spans markup becomes several marks
 * carrying the same data-mark id. An image inside a range is wrapped whole.
 */
export function highlightHtml(html: string, ranges: HtmlRange[]): string {
  const active = ranges.filter(r => r.start >= 0 && r.start <= html.length);
  if (active.length === 0) return html;
  let out = '';
  let open: string | null = null;
  const covering = (at: number) => active.filter(r => at >= r.start && at < r.start + Math.max(r.length, 1));
  const openTag = (rs: HtmlRange[]) =>
    `<mark class="${[...new Set(rs.map(r => r.className))].join(' ')}" data-mark="${rs.map(r => r.id).join(' ')}">`;
  const close = () => {
    if (open !== null) out += '</mark>';
    open = null;
  };

  let i = 0;
  while (i < html.length) {
    if (html[i] === '<') {
      const end = tagEnd(html, i);
      const tag = html.slice(i, end);
      close();
      const here = covering(i);
      if (/^<img\b/i.test(tag) && here.length > 0) out += openTag(here) + tag + '</mark>';
      else out += tag;
      i = end;
      continue;
    }

    const entity = html[i] === '&' ? /^&[#a-zA-Z0-9]+;/.exec(html.slice(i, i + 12)) : null;
    const width = entity ? entity[0].length : 1;
    const here = covering(i);
    const keyOf = here.map(r => r.id).join(' ');
    if (here.length === 0) close();
    else if (open !== keyOf) {
      close();
      out += openTag(here);
      open = keyOf;
    }

    out += html.slice(i, i + width);
    i += width;
  }

  close();
  return out;
}

/** Index just past the '>' closing the tag that starts at <paramref name="start"/>, honouring quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }

  return html.length;
}

const isSpace = (c: string) => /\s/.test(c);

/** The text under <paramref name="root"/> without whitespace, with the text node and offset of each kept character. */
function textIndex(root: Node) {
  const chars: string[] = [];
  const places: { node: Text; offset: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let k = 0; k < data.length; k++) {
      if (isSpace(data[k])) continue;
      chars.push(data[k]);
      places.push({ node, offset: k });
    }
  }

  return { text: chars.join(''), places };
}

const squeeze = (s: string) => [...s].filter(c => !isSpace(c)).join('');

/**
 * Marks a quoted passage (a note's anchor) in rendered HTML. Whitespace is ignored, as the server does; of several
 * equal passages the one whose surrounding text matches the note's prefix/suffix wins.
 * @returns false when the passage is no longer in the text (e.g. a later version changed it).
 */
export function markQuote(root: HTMLElement, quote: string, prefix: string | null | undefined, suffix: string | null | undefined,
  className: string, id: string): boolean {
  const { text, places } = textIndex(root);
  const needle = squeeze(quote);
  if (needle.length === 0) return false;
  const before = squeeze(prefix ?? '');
  const after = squeeze(suffix ?? '');
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const score = commonSuffix(text.slice(0, at), before) + commonPrefix(text.slice(at + needle.length), after);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }

  if (best < 0) return false;
  // Wrap each text node's share of the passage separately, last first, so earlier offsets stay valid.
  const pieces = new Map<Text, { from: number; to: number }>();
  for (let k = best; k < best + needle.length; k++) {
    const { node, offset } = places[k];
    const piece = pieces.get(node);
    if (piece) piece.to = offset + 1;
    else pieces.set(node, { from: offset, to: offset + 1 });
  }

  [...pieces.entries()].reverse().forEach(([node, { from, to }]) => {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement('mark');
    mark.className = className;
    mark.dataset.mark = id;
    range.surroundContents(mark);
  });
  return true;
}

function commonSuffix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The selected text inside <paramref name="root"/> with up to 32 characters of context on each side. */
export function selectionIn(root: HTMLElement): { quote: string; prefix: string; suffix: string } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const quote = selection.toString().trim();
  if (!quote) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.selectNodeContents(root);
  after.setStart(range.endContainer, range.endOffset);
  return { quote, prefix: before.toString().slice(-32), suffix: after.toString().slice(0, 32) };
}

/** How many times <paramref name="needle"/> occurs in the text of <paramref name="root"/> before <paramref name="node"/>. */
export function occurrencesBefore(root: HTMLElement, node: Node, needle: string): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEndBefore(node);
  const text = range.toString();
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Index of the n-th (0-based) occurrence of <paramref name="needle"/> in <paramref name="text"/>, or -1. */
export function nthIndexOf(text: string, needle: string, n: number): number {
  let at = text.indexOf(needle);
  for (let k = 0; k < n && at >= 0; k++) at = text.indexOf(needle, at + needle.length);
  return at;
}

/** Finds <paramref name="needle"/> in <paramref name="text"/> ignoring whitespace on both sides; the range is in <paramref name="text"/>. */
export function findIgnoringWhitespace(text: string, needle: string): { index: number; length: number } | null {
  const exact = text.indexOf(needle);
  if (exact >= 0) return { index: exact, length: needle.length };
  const positions: number[] = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text[i])) continue;
    squeezed += text[i];
    positions.push(i);
  }

  const target = squeeze(needle);
  const at = target ? squeezed.indexOf(target) : -1;
  if (at < 0) return null;
  const start = positions[at];
  const end = positions[at + target.length - 1] + 1;
  return { index: start, length: end - start };
}
