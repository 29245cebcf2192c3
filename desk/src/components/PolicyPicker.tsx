import { useEffect, useState } from 'preact/hooks';
import { get, messageOf } from '../lib/api';
import type { PolicyOption } from '../lib/types';
import { statusName } from '../lib/vocabulary';

/** Picks the policy document an interpretation explains (interpretsItemId) from the policies already submitted. */
export function PolicyPicker({ value, onChange, errors }: { value: string; onChange: (id: string) => void; errors?: string[] }) {
  const [q, setQ] = useState('');
  const [policies, setPolicies] = useState<PolicyOption[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async (term: string) => {
    setBusy(true);
    setError('');
    try {
      const result = await get<{ policies: PolicyOption[] }>(`/api/desk/policies?q=${encodeURIComponent(term)}`);
      setPolicies(result.policies);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void search('');
  }, []);

  return (
    <fieldset class={`field policy-picker${errors?.length ? ' field-invalid' : ''}`} id="field-interpretsItemId">
      <legend>解读的政策文件<span class="required" aria-hidden="true"> *</span></legend>
      <p class="hint">政策解读须与被解读的政策文件同步发布并互相链接（三同步）。</p>
      {errors?.length ? <p class="field-error">{errors.join(' ')}</p> : null}
      <div class="inline-form">
        <label for="policy-search">按标题或文号搜索</label>
        <input id="policy-search" value={q} onInput={e => setQ((e.target as HTMLInputElement).value)}
          onKeyDown={e => { if (e.key === 'Enter') { e.preventDefault(); void search(q); } }} />
        <button type="button" class="button button-secondary" onClick={() => search(q)} disabled={busy} aria-busy={busy}>搜索</button>
      </div>
      {error && <p class="field-error" role="alert">{error}</p>}
      {policies && policies.length === 0 && <p role="status">没有找到政策文件。请先提交被解读的政策文件。</p>}
      {policies && policies.length > 0 && (
        <ul class="policy-options">
          {policies.map(p => (
            <li key={p.id}>
              <label class="checkbox">
                <input type="radio" name="interpretsItemId" value={p.id} checked={value === p.id} onChange={() => onChange(p.id)} />
                <span>{p.title}{p.documentNumber && <span class="muted">　{p.documentNumber}</span>}<span class="muted">　{statusName(p.status)}</span></span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {value && !policies?.some(p => p.id === value) && <p class="muted">已选择：{value}</p>}
    </fieldset>
  );
}
