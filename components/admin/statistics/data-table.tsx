import type { Cell, Table } from "@/lib/statistics/tables";

/** A chart's numbers as a table, folded under the chart, with the link to its CSV file. */
export function DataTable({
  table,
  caption,
  show,
  csvHref,
  csvLabel,
  format,
}: {
  table: Table;
  caption: string;
  show: string;
  csvHref: string;
  csvLabel: string;
  format: (cell: Cell) => string;
}) {
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-1 text-sm">
      <details className="min-w-0 max-w-full">
        <summary className="cursor-pointer text-slate-700">{show}</summary>
        <div className="mt-2 max-w-full overflow-x-auto">
          <table className="text-left text-xs">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className="px-2 py-1 font-medium">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no other identity
                <tr key={r} className="border-t border-slate-100">
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={table.columns[c]} scope="row" className="px-2 py-1 font-normal">
                        {format(cell)}
                      </th>
                    ) : (
                      <td key={table.columns[c]} className="px-2 py-1 tabular-nums">
                        {format(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <a href={csvHref} className="text-slate-700 underline" download>
        {csvLabel}
      </a>
    </div>
  );
}
