import type { Finding } from './types';

/**
 * The API groups repeated occurrences of one fault into one finding (count, occurrences, each with its own
 * replacement). The desk highlights, locates and fixes single places, so it works on one entry per occurrence;
 * the rule groups in the panel still show one fault with its count.
 */
export function occurrencesOf(findings: Finding[]): Finding[] {
  return findings.flatMap(f => {
    const places = f.occurrences && f.occurrences.length > 0
      ? f.occurrences
      : [{ start: f.start, length: f.length, excerpt: f.excerpt, htmlStart: f.htmlStart, htmlLength: f.htmlLength, replacement: f.replacement }];
    // Advice a person must act on (no mechanical fix) stays readable in the message instead of becoming a one-click edit.
    const message = f.suggestion && !f.replacement && !places.some(p => p.replacement) && !f.message.includes(f.suggestion)
      ? `${f.message}（建议：${f.suggestion}）` : f.message;
    return places.map(p => ({
      id: f.id, aspect: f.aspect, ruleId: f.ruleId, severity: f.severity, message,
      start: p.start, length: p.length, excerpt: p.excerpt, htmlStart: p.htmlStart, htmlLength: p.htmlLength,
      suggestion: p.replacement ?? null,
    }));
  });
}
