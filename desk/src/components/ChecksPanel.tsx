import { useMemo } from 'preact/hooks';
import type { CheckReport, Finding } from '../lib/types';
import { aspectName, aspects, severityName } from '../lib/vocabulary';
import { attributeLabel, elementLabel, sanitizeReport } from '../lib/sanitizeReport';
import { Badge } from './ui';

export const findingMarkId = (index: number) => `f${index}`;

export interface IndexedFinding extends Finding {
  index: number;
}

const tone = (severity: string) => (severity === 'block' ? 'bad' : severity === 'warn' ? 'wait' : 'neutral');

/** Findings grouped by 关 and by rule, with counts; each can be located in the preview and, if it has a replacement, applied. */
export function FindingsList({ findings, applied, stale, onLocate, onApply }: {
  findings: Finding[]; applied: Set<number>; stale: boolean;
  onLocate: (finding: IndexedFinding) => void; onApply: (findings: IndexedFinding[]) => void;
}) {
  const indexed = findings.map((f, index) => ({ ...f, index }));
  const counts = (severity: string) => findings.filter(f => f.severity === severity).length;
  return (
    <div class="findings">
      <p class="findings-summary">
        <Badge tone="bad">阻断 {counts('block')}</Badge> <Badge tone="wait">警告 {counts('warn')}</Badge> <Badge tone="neutral">提示 {counts('info')}</Badge>
      </p>
      {counts('block') > 0 && <p class="text-bad">有阻断性问题的稿件不能通过审核，请先修改。</p>}
      {stale && <p class="notice notice-info">正文已修改，以下结果可能已过期，请重新预检。</p>}
      {findings.length === 0 && <p class="text-ok">未发现问题。</p>}
      {aspects.map(aspect => {
        const ofAspect = indexed.filter(f => f.aspect === aspect);
        if (ofAspect.length === 0) return null;
        const rules = [...new Set(ofAspect.map(f => f.ruleId))];
        return (
          <section key={aspect} class="finding-aspect" aria-label={`${aspectName(aspect)}，${ofAspect.length} 处`}>
            <h3>{aspectName(aspect)} <span class="count">{ofAspect.length} 处</span></h3>
            {rules.map(rule => {
              const ofRule = ofAspect.filter(f => f.ruleId === rule);
              const applicable = ofRule.filter(f => f.suggestion && !applied.has(f.index));
              return (
                <details key={rule} class="finding-rule" open={ofRule.length <= 3 || ofRule.some(f => f.severity === 'block')}>
                  <summary>
                    <Badge tone={tone(ofRule[0].severity)}>{severityName(ofRule[0].severity)}</Badge> {ofRule[0].message.split('。')[0]}
                    <span class="count">（{ofRule.length} 处）</span>
                  </summary>
                  {applicable.length > 1 && (
                    <button type="button" class="button button-small" onClick={() => onApply(applicable)}>
                      全部改为建议写法（{applicable.length} 处）
                    </button>
                  )}
                  <ol class="finding-items">
                    {ofRule.map(f => (
                      <li key={f.index} class={applied.has(f.index) ? 'finding-applied' : undefined}>
                        <p>{f.message}</p>
                        <p class="excerpt">原文：“{f.excerpt}”{f.suggestion && <>　建议：“{f.suggestion}”</>}</p>
                        <div class="row-actions">
                          <button type="button" class="button button-small button-secondary" onClick={() => onLocate(f)}
                            aria-label={`在正文中定位：${f.excerpt}`}>定位</button>
                          {f.suggestion && !applied.has(f.index) && (
                            <button type="button" class="button button-small" onClick={() => onApply([f])}
                              aria-label={`把“${f.excerpt}”改为“${f.suggestion}”`}>应用建议</button>
                          )}
                          {applied.has(f.index) && <span class="text-ok">已修改</span>}
                        </div>
                      </li>
                    ))}
                  </ol>
                </details>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** What the sanitizer took out of the editor's HTML, so nothing disappears silently. */
export function SanitizeSummary({ original, report }: { original: string; report: CheckReport }) {
  const summary = useMemo(() => sanitizeReport(original, report.sanitizedHtml), [original, report]);
  const nothing = summary.removedElements.length === 0 && summary.removedAttributes.length === 0 && summary.droppedImages === 0;
  return (
    <section class="sanitize" aria-labelledby="sanitize-title">
      <h3 id="sanitize-title">安全清理</h3>
      {nothing ? <p>发布时不会删除任何内容。</p> : (
        <>
          <p>以下内容不符合政府网站发布要求，发布时将被删除（请确认不影响正文）：</p>
          <ul>
            {summary.removedElements.map(e => <li key={e.tag}>{elementLabel(e.tag)} {e.count} 处</li>)}
            {summary.removedAttributes.map(a => <li key={a.name}>{attributeLabel(a.name)} {a.count} 处</li>)}
            {summary.droppedImages > 0 && <li>{summary.droppedImages} 张图片的地址不是 http(s) 网址（如粘贴自本机的图片），图片将无法显示</li>}
          </ul>
          {summary.textChanged && <p class="text-bad">部分文字（如脚本或样式中的内容）也会被删除。</p>}
        </>
      )}
    </section>
  );
}
