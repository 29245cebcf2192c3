// Dates and numbers as a Chinese reader expects them, always in China Standard Time.

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const formatDateTime = (iso?: string | null) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso?: string | null) => (iso ? dateOnly.format(new Date(iso)) : '—');

/** A datetime-local input value (China time) → ISO instant with +08:00. */
export function fromLocalInput(value: string): string | null {
  return value ? `${value}:00+08:00` : null;
}

/** ISO instant → datetime-local input value in China time. */
export function toLocalInput(iso?: string | null): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
