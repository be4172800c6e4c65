import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode, type TdHTMLAttributes } from "react";

/** A column heading: its text, or the text with the cell's padding (default `pr-4`) and whether
 *  only screen readers get it (for a column of buttons). */
export type DataTableHeader = string | { label: string; className?: string; srOnly?: boolean };

type Cell = ReactElement<TdHTMLAttributes<HTMLTableCellElement> & { "data-label"?: string }>;

/** Each cell of a row given its column's heading as `data-label`, which a phone shows above the
 *  value when the table is stacked (globals.css `.data-table`). */
function labelled(row: ReactNode, labels: string[]): ReactNode {
  if (!isValidElement<{ children?: ReactNode }>(row) || row.type !== "tr") return row;
  const cells = Children.toArray(row.props.children).map((cell, i) =>
    isValidElement(cell) && cell.type === "td" && labels[i] ? cloneElement(cell as Cell, { "data-label": labels[i] }) : cell,
  );
  return cloneElement(row, undefined, cells);
}

/** A table: a heading row from `headers`, then `children` as the rows (`<tr>` of `<td>`). On a
 *  phone each row is stacked as a card, every value under its column's heading; wider screens
 *  get the table, scrolling sideways inside its own box when it needs more room. */
export function DataTable({ caption, headers, children }: { caption?: string; headers: DataTableHeader[]; children: ReactNode }) {
  const labels = headers.map((h) => (typeof h === "string" ? h : h.srOnly ? "" : h.label));
  return (
    // relative: a screen-reader-only heading (absolutely placed) is clipped with the table, not
    // placed at the page's right edge, where it widened a phone's page
    <div className="relative overflow-x-auto">
      <table className="data-table w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="border-b border-slate-200 text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {headers.map((header, i) => {
              const { label, className = "pr-4", srOnly = false } = typeof header === "string" ? { label: header } : header;
              return (
                <th key={i} scope="col" className={`py-2 font-medium ${className}`}>
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{Children.map(children, (row) => labelled(row, labels))}</tbody>
      </table>
    </div>
  );
}
