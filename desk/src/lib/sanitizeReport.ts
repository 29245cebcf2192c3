// What the server's sanitizer removed from the editor's HTML: compares the two documents (parsed inertly, never run).

export interface SanitizeReport {
  removedElements: { tag: string; count: number }[];
  removedAttributes: { name: string; count: number }[];
  droppedImages: number;
  textChanged: boolean;
}

const tagNames: Record<string, string> = {
  script: '脚本', style: '样式表', iframe: '内嵌框架', object: '嵌入对象', embed: '嵌入对象', form: '表单', input: '输入框',
  font: '字体标签', svg: '矢量图形', video: '视频', audio: '音频', link: '外部链接资源', meta: '元信息', button: '按钮',
};
const attributeNames: Record<string, string> = {
  class: '样式类名（class）', id: '元素编号（id）', style: '部分内联样式', src: '非 http(s) 图片地址',
};

export const elementLabel = (tag: string) => (tagNames[tag] ? `${tagNames[tag]}（${tag}）` : `<${tag}>`);
export const attributeLabel = (name: string) =>
  attributeNames[name] ?? (name.startsWith('on') ? `脚本事件（${name}）` : name.startsWith('data-') ? `自定义数据（${name}）` : name);

function count(doc: Document) {
  const tags = new Map<string, number>();
  const attributes = new Map<string, number>();
  let images = 0;
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    tags.set(tag, (tags.get(tag) ?? 0) + 1);
    if (tag === 'img' && element.getAttribute('src')) images++;
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.startsWith('data-') ? 'data-*' : attribute.name;
      const key = name === 'style' ? `style:${attribute.value}` : name;
      attributes.set(key, (attributes.get(key) ?? 0) + 1);
    }
  }

  return { tags, attributes, images, text: doc.body.textContent?.replace(/\s+/g, '') ?? '' };
}

export function sanitizeReport(original: string, sanitized: string): SanitizeReport {
  const parser = new DOMParser();
  const before = count(parser.parseFromString(original, 'text/html'));
  const after = count(parser.parseFromString(sanitized, 'text/html'));
  const removedElements = [...before.tags].map(([tag, n]) => ({ tag, count: n - (after.tags.get(tag) ?? 0) })).filter(e => e.count > 0);
  const removed = new Map<string, number>();
  for (const [key, n] of before.attributes) {
    const lost = n - (after.attributes.get(key) ?? 0);
    if (lost <= 0) continue;
    const name = key.startsWith('style:') ? 'style' : key;
    removed.set(name, (removed.get(name) ?? 0) + lost);
  }

  return {
    removedElements,
    removedAttributes: [...removed].map(([name, n]) => ({ name, count: n })),
    droppedImages: Math.max(0, before.images - after.images),
    textChanged: before.text !== after.text,
  };
}
