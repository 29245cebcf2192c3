/** A labelled horizontal bar chart in SVG (no chart library): every bar carries its number, and a table follows it. */
export function BarChart({ title, data }: { title: string; data: { label: string; value: number }[] }) {
  const max = Math.max(1, ...data.map(d => d.value));
  const row = 36;
  const labelWidth = 96;
  const width = 520;
  const height = data.length * row + 8;
  const id = `chart-${title.replace(/\s+/g, '')}`;
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={id} preserveAspectRatio="xMinYMin meet">
        <desc>{data.map(d => `${d.label} ${d.value}`).join('，')}</desc>
        {data.map((d, i) => {
          const barWidth = ((width - labelWidth - 60) * d.value) / max;
          const y = i * row + 4;
          return (
            <g key={d.label}>
              <text x={labelWidth - 8} y={y + 20} text-anchor="end" class="chart-label">{d.label}</text>
              <rect x={labelWidth} y={y + 4} width={Math.max(barWidth, d.value > 0 ? 2 : 0)} height={row - 12} class="chart-bar" rx="3" />
              <text x={labelWidth + barWidth + 6} y={y + 20} class="chart-value">{d.value}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
