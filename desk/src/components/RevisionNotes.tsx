import type { PassageNote, ReviewRecord } from '../lib/types';
import { formatDateTime } from '../lib/format';
import { aspectName, stageName } from '../lib/vocabulary';
import { Badge } from './ui';

/** The reviewers' comments and passage notes beside the text the editor revises. */
export function RevisionNotes({ reviews, notes, version, onLocate }: {
  reviews: ReviewRecord[]; notes: PassageNote[]; version: number; onLocate: (note: PassageNote) => void;
}) {
  const returned = reviews.filter(r => r.version === version && r.decision === 'reject');
  const current = notes.filter(n => n.version === version);
  const earlier = notes.filter(n => n.version < version);
  return (
    <section class="panel revision-notes" aria-labelledby="revision-notes-title">
      <h2 id="revision-notes-title">审核意见与批注（第 {version} 版）</h2>
      {returned.map(r => (
        <div key={r.at} class="review-comment">
          <p><strong>{stageName(r.stage)}退回</strong>　{r.reviewerName}　<span class="muted">{formatDateTime(r.at)}</span></p>
          <p class="comment">{r.comment}</p>
        </div>
      ))}
      {current.length === 0 ? <p>本版没有段落批注。</p> : (
        <ol class="note-list">
          {current.map(n => <NoteItem key={n.id} note={n} onLocate={onLocate} />)}
        </ol>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>更早版本的批注（{earlier.length} 条）</summary>
          <ol class="note-list">{earlier.map(n => <NoteItem key={n.id} note={n} onLocate={onLocate} />)}</ol>
        </details>
      )}
    </section>
  );
}

export function NoteItem({ note, onLocate, actions }: { note: PassageNote; onLocate?: (note: PassageNote) => void; actions?: preact.ComponentChildren }) {
  return (
    <li class={`note${note.resolved ? ' note-resolved' : ''}`} data-note={note.id}>
      <p><Badge tone="neutral">{aspectName(note.aspect)}</Badge> <span class="muted">{stageName(note.stage)} · {note.authorName} · 第 {note.version} 版 · {formatDateTime(note.createdAt)}</span>
        {note.resolved && <> <Badge tone="ok">已处理</Badge></>}</p>
      <blockquote class="note-quote">{note.quote}</blockquote>
      <p class="note-text">{note.text}</p>
      <div class="row-actions">
        {onLocate && <button type="button" class="button button-small button-secondary" onClick={() => onLocate(note)}>在正文中定位</button>}
        {actions}
      </div>
    </li>
  );
}
