import type Quill from 'quill';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface EditorDialog {
  kind: 'link' | 'image' | 'table';
  selection: { index: number; length: number };
}

const isWebAddress = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);

/** Link, image and table dialogs of the editor toolbar: labelled fields, validation in Chinese, native <dialog>. */
export function EditorDialogs({ dialog, onClose, quill, table }: {
  dialog: EditorDialog | null; onClose: () => void; quill: () => Quill;
  table: () => { insertTable(rows: number, columns: number): void };
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState('3');
  const [columns, setColumns] = useState('3');
  const [error, setError] = useState('');

  useEffect(() => {
    const element = ref.current!;
    if (dialog && !element.open) {
      setUrl('');
      setError('');
      setText(dialog.kind === 'link' && dialog.selection.length > 0 ? quill().getText(dialog.selection.index, dialog.selection.length) : '');
      element.showModal();
    } else if (!dialog && element.open) element.close();
  }, [dialog]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!dialog) return;
    const q = quill();
    const at = dialog.selection.index;
    if (dialog.kind === 'table') {
      const r = Number(rows);
      const c = Number(columns);
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 1 || c < 1 || r > 50 || c > 12) {
        setError('行数为 1–50、列数为 1–12 的整数。');
        return;
      }

      q.setSelection(at, 0, 'silent');
      table().insertTable(r, c);
    } else if (dialog.kind === 'link') {
      if (!isWebAddress(url) && !/^mailto:[^\s]+$/i.test(url)) {
        setError('请填写以 http:// 或 https:// 开头的网址，或 mailto: 邮箱地址。');
        return;
      }

      if (dialog.selection.length > 0) q.formatText(at, dialog.selection.length, 'link', url, 'user');
      else q.insertText(at, text.trim() || url, { link: url }, 'user');
    } else {
      if (!isWebAddress(url)) {
        setError('请填写以 http:// 或 https:// 开头的图片地址（先将图片上传到本单位网站）。');
        return;
      }

      if (!text.trim()) {
        setError('请填写图片说明（替代文字），便于视障用户和适老化阅读。');
        return;
      }

      q.insertEmbed(at, 'image', url, 'user');
      q.formatText(at, 1, 'alt', text.trim(), 'user');
      q.setSelection(at + 1, 0, 'user');
    }

    ref.current!.close();
  };

  const titles = { link: '插入链接', image: '插入图片', table: '插入表格' } as const;
  return (
    <dialog ref={ref} class="dialog" onClose={onClose} aria-labelledby="editor-dialog-title">
      <form method="dialog" onSubmit={submit} noValidate>
        <h2 id="editor-dialog-title">{dialog ? titles[dialog.kind] : ''}</h2>
        {error && <p class="field-error" role="alert">{error}</p>}
        {dialog?.kind === 'table' ? (
          <div class="field-row">
            <div class="field"><label for="table-rows">行数</label>
              <input id="table-rows" type="number" min={1} max={50} value={rows} onInput={e => setRows((e.target as HTMLInputElement).value)} /></div>
            <div class="field"><label for="table-columns">列数</label>
              <input id="table-columns" type="number" min={1} max={12} value={columns} onInput={e => setColumns((e.target as HTMLInputElement).value)} /></div>
          </div>
        ) : (
          <>
            <div class="field"><label for="editor-url">{dialog?.kind === 'image' ? '图片地址' : '链接地址'}</label>
              <input id="editor-url" type="url" value={url} onInput={e => setUrl((e.target as HTMLInputElement).value)} placeholder="https://" /></div>
            {(dialog?.kind === 'image' || (dialog?.kind === 'link' && dialog.selection.length === 0)) && (
              <div class="field"><label for="editor-text">{dialog?.kind === 'image' ? '图片说明（替代文字）' : '链接文字'}</label>
                <input id="editor-text" value={text} onInput={e => setText((e.target as HTMLInputElement).value)} /></div>
            )}
          </>
        )}
        <div class="actions">
          <button type="submit" class="button">插入</button>
          <button type="button" class="button button-secondary" onClick={() => ref.current?.close()}>取消</button>
        </div>
      </form>
    </dialog>
  );
}
