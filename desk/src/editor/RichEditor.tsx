import Quill from 'quill';
import 'quill/dist/quill.core.css';
import type { Ref } from 'preact';
import { useEffect, useImperativeHandle, useRef, useState } from 'preact/hooks';
import { forwardRef } from 'preact/compat';
import { EditorDialogs, type EditorDialog } from './EditorDialogs';

// Quill 2 (BSD-3-Clause): composition-safe input for Chinese IMEs and clipboard normalizers for Word/WPS paste.
// The toolbar is ours, so every control is a labelled native button or select. Alignment is written as a style
// attribute (text-align), which the server's sanitizer keeps; colours, fonts and sizes are not offered or kept.
Quill.register(Quill.import('attributors/style/align') as never, true);

const formats = ['bold', 'italic', 'underline', 'header', 'list', 'align', 'link', 'image', 'table', 'table-row', 'table-body', 'table-container', 'blockquote'];

export interface EditorHandle {
  getHtml(): string;
  setHtml(html: string): void;
  getText(): string;
  replaceText(index: number, length: number, text: string): void;
  select(index: number, length: number): void;
  focus(): void;
}

interface Props {
  initialHtml: string;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  onChange: (html: string) => void;
  onNotice: (message: string) => void;
}

/** Quill's HTML with plain spaces: its serializer writes every space as &nbsp;, which the checks would then see. */
const cleanHtml = (quill: Quill) => (quill.getLength() <= 1 ? '' : quill.getSemanticHTML().replaceAll('&nbsp;', ' '));

export const RichEditor = forwardRef(function RichEditor(props: Props, ref: Ref<EditorHandle>) {
  const host = useRef<HTMLDivElement>(null);
  const quillRef = useRef<Quill | null>(null);
  const [active, setActive] = useState<Record<string, unknown>>({});
  const [inTable, setInTable] = useState(false);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  useEffect(() => {
    const quill = new Quill(host.current!, {
      formats,
      modules: {
        toolbar: false,
        table: true,
        history: { delay: 800, maxStack: 200, userOnly: true },
        uploader: {
          handler: () => props.onNotice('图片文件不能直接粘贴或拖入：请先把图片上传到本单位网站，再用“插入图片”填写图片地址和说明文字。'),
        },
      },
      placeholder: '在此输入或粘贴正文（可直接从 Word、WPS 复制粘贴）……',
    });
    const root = quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('aria-labelledby', props.labelledBy);
    root.id = 'field-bodyHtml';
    if (props.initialHtml) quill.clipboard.dangerouslyPasteHTML(props.initialHtml, 'silent');
    quill.history.clear();
    quill.on('text-change', () => onChange.current(cleanHtml(quill)));
    quill.on('editor-change', () => {
      const range = quill.getSelection();
      if (!range) return;
      const current = quill.getFormat(range);
      setActive(current);
      setInTable(current.table !== undefined);
    });
    quillRef.current = quill;
    return () => {
      quillRef.current = null;
    };
  }, []);

  useEffect(() => {
    const root = quillRef.current?.root;
    if (!root) return;
    if (props.describedBy) root.setAttribute('aria-describedby', props.describedBy);
    else root.removeAttribute('aria-describedby');
    if (props.invalid) root.setAttribute('aria-invalid', 'true');
    else root.removeAttribute('aria-invalid');
  }, [props.describedBy, props.invalid]);

  useImperativeHandle(ref, () => ({
    getHtml: () => (quillRef.current ? cleanHtml(quillRef.current) : ''),
    setHtml: html => {
      const quill = quillRef.current!;
      quill.setText('', 'silent');
      quill.clipboard.dangerouslyPasteHTML(html, 'user');
    },
    getText: () => quillRef.current?.getText() ?? '',
    replaceText: (index, length, text) => {
      const quill = quillRef.current!;
      const keep = quill.getFormat(index, length);
      quill.deleteText(index, length, 'user');
      quill.insertText(index, text, keep, 'user');
    },
    select: (index, length) => {
      const quill = quillRef.current!;
      quill.focus();
      quill.setSelection(index, length, 'user');
      quill.scrollSelectionIntoView();
    },
    focus: () => quillRef.current?.focus(),
  }), []);

  const quill = () => quillRef.current!;
  const toggle = (format: string) => {
    const q = quill();
    q.focus();
    q.format(format, !q.getFormat()[format], 'user');
  };
  const setBlock = (format: string, value: unknown) => {
    const q = quill();
    q.focus();
    q.format(format, value || false, 'user');
  };
  const table = () => quill().getModule('table') as {
    insertTable(rows: number, columns: number): void; insertRowBelow(): void; insertColumnRight(): void;
    deleteRow(): void; deleteColumn(): void; deleteTable(): void;
  };
  const tableAction = (action: (t: ReturnType<typeof table>) => void) => {
    quill().focus();
    action(table());
  };
  const pressed = (format: string, value: unknown = true) => active[format] === value;

  return (
    <div class={`editor${props.invalid ? ' editor-invalid' : ''}`}>
      <div class="toolbar" role="toolbar" aria-label="正文格式">
        <label class="toolbar-select">段落
          <select value={String(active.header ?? '')} onChange={e => setBlock('header', Number((e.target as HTMLSelectElement).value) || false)}>
            <option value="">正文</option>
            <option value="1">一级标题</option>
            <option value="2">二级标题</option>
            <option value="3">三级标题</option>
          </select>
        </label>
        <button type="button" aria-pressed={pressed('bold')} onClick={() => toggle('bold')} title="加粗"><b>加粗</b></button>
        <button type="button" aria-pressed={pressed('italic')} onClick={() => toggle('italic')} title="倾斜"><i>倾斜</i></button>
        <button type="button" aria-pressed={pressed('underline')} onClick={() => toggle('underline')} title="下划线"><u>下划线</u></button>
        <button type="button" aria-pressed={pressed('list', 'ordered')} onClick={() => setBlock('list', active.list === 'ordered' ? false : 'ordered')}>编号列表</button>
        <button type="button" aria-pressed={pressed('list', 'bullet')} onClick={() => setBlock('list', active.list === 'bullet' ? false : 'bullet')}>项目列表</button>
        <label class="toolbar-select">对齐
          <select value={String(active.align ?? '')} onChange={e => setBlock('align', (e.target as HTMLSelectElement).value)}>
            <option value="">左对齐</option>
            <option value="center">居中</option>
            <option value="right">右对齐</option>
            <option value="justify">两端对齐</option>
          </select>
        </label>
        <button type="button" onClick={() => setDialog({ kind: 'link', selection: quill().getSelection(true) })}>链接</button>
        <button type="button" onClick={() => setDialog({ kind: 'image', selection: quill().getSelection(true) })}>插入图片</button>
        <button type="button" onClick={() => setDialog({ kind: 'table', selection: quill().getSelection(true) })}>插入表格</button>
        {inTable && (
          <span class="toolbar-group" role="group" aria-label="表格">
            <button type="button" onClick={() => tableAction(t => t.insertRowBelow())}>下方插入行</button>
            <button type="button" onClick={() => tableAction(t => t.insertColumnRight())}>右侧插入列</button>
            <button type="button" onClick={() => tableAction(t => t.deleteRow())}>删除行</button>
            <button type="button" onClick={() => tableAction(t => t.deleteColumn())}>删除列</button>
            <button type="button" onClick={() => tableAction(t => t.deleteTable())}>删除表格</button>
          </span>
        )}
        <button type="button" onClick={() => { const q = quill(); const r = q.getSelection(true); q.removeFormat(r.index, r.length, 'user'); }}>清除格式</button>
        <button type="button" onClick={() => quill().history.undo()}>撤销</button>
        <button type="button" onClick={() => quill().history.redo()}>重做</button>
      </div>
      <div ref={host} class="editor-body" />
      <EditorDialogs dialog={dialog} onClose={() => setDialog(null)} quill={() => quillRef.current!} table={table} />
    </div>
  );
});
