import { scaleBand, scaleLinear } from "d3-scale";

// Charts drawn on the server as SVG: no script, nothing for the CSP to allow, readable before any
// JavaScript. Each sits beside its data table (./data-table.tsx), which screen readers read.

// Drawn at most 768 px wide (max-w-3xl), and at least 480 px (scrolling sideways on a phone), so
// that 13 units of text stay between about 10 and 17 pixels.
const W = 600;
const H = 200;
const M = { top: 10, right: 8, bottom: 26, left: 64 };

/**
 * Bars over time: one per day or week, labelled every few so that labels never overlap. Values
 * are whole (counts, or amounts in major units): the scale's ticks are too.
 */
export function BarChart({
  bars,
  format,
  label,
}: {
  bars: { label: string; value: number }[];
  format: (value: number) => string;
  /** What the chart shows, for those who cannot see it. */
  label: string;
}) {
  const x = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([M.left, W - M.right])
    .padding(0.2);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([H - M.bottom, M.top]);
  const every = Math.max(1, Math.ceil(bars.length / 6));
  return (
    <div className="max-w-3xl overflow-x-auto">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        className="h-auto w-full min-w-[480px]"
      >
        {y
          .ticks(4)
          .filter(Number.isInteger)
          .map((tick) => (
            <g key={tick}>
              <line
                x1={M.left}
                x2={W - M.right}
                y1={y(tick)}
                y2={y(tick)}
                className="stroke-slate-200"
              />
              <text
                x={M.left - 6}
                y={y(tick)}
                dy="0.32em"
                textAnchor="end"
                className="fill-slate-600 text-[13px]"
              >
                {format(tick)}
              </text>
            </g>
          ))}
        {bars.map((bar, i) => (
          <g key={bar.label}>
            <rect
              x={x(String(i))}
              y={y(bar.value)}
              width={x.bandwidth()}
              height={Math.max(0, y(0) - y(bar.value))}
              rx={2}
              className="fill-brand-600"
            >
              <title>{`${bar.label}: ${format(bar.value)}`}</title>
            </rect>
            {i % every === 0 && (
              <text
                x={(x(String(i)) ?? 0) + x.bandwidth() / 2}
                y={H - M.bottom + 18}
                textAnchor="middle"
                className="fill-slate-600 text-[13px]"
              >
                {bar.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}

/** Busiest hours: weekdays down, hours across, darker where more bookings start. */
export function HeatMap({
  weekdays,
  hours,
  count,
  label,
}: {
  weekdays: string[];
  hours: number[];
  count: (weekday: number, hour: number) => number;
  label: string;
}) {
  const cell = 28;
  const left = 44;
  const top = 18;
  const max = Math.max(1, ...weekdays.flatMap((_, d) => hours.map((h) => count(d + 1, h))));
  const shade = scaleLinear().domain([0, max]).range([0.06, 1]);
  return (
    <svg
      viewBox={`0 0 ${left + hours.length * cell} ${top + weekdays.length * cell}`}
      role="img"
      aria-label={label}
      className="h-auto w-full max-w-xl"
    >
      {hours.map((hour, i) => (
        <text
          key={hour}
          x={left + i * cell + cell / 2}
          y={12}
          textAnchor="middle"
          className="fill-slate-600 text-[9px]"
        >
          {String(hour).padStart(2, "0")}
        </text>
      ))}
      {weekdays.map((day, d) => (
        <g key={day}>
          <text
            x={left - 6}
            y={top + d * cell + cell / 2}
            dy="0.32em"
            textAnchor="end"
            className="fill-slate-600 text-[10px]"
          >
            {day}
          </text>
          {hours.map((hour, i) => {
            const n = count(d + 1, hour);
            return (
              <rect
                key={hour}
                x={left + i * cell + 1}
                y={top + d * cell + 1}
                width={cell - 2}
                height={cell - 2}
                rx={3}
                className="fill-brand-700"
                fillOpacity={n ? shade(n) : 0.04}
              >
                <title>{`${day} ${String(hour).padStart(2, "0")}:00 — ${n}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** Shares side by side: one horizontal bar per service or staff member. */
export function ShareBars({
  items,
  format,
  label,
}: {
  items: { name: string; value: number }[];
  format: (value: number) => string;
  label: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map((item) => (
        <li
          key={item.name}
          className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-2 text-sm"
        >
          <span className="truncate" title={item.name}>
            {item.name}
          </span>
          <span aria-hidden="true" className="h-3 rounded bg-slate-100">
            <span
              className="block h-3 rounded bg-brand-600"
              style={{ width: `${(item.value / max) * 100}%` }}
            />
          </span>
          <span className="tabular-nums text-slate-700">{format(item.value)}</span>
        </li>
      ))}
    </ul>
  );
}
