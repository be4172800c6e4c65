import type { ReactNode } from "react";

/** A column heading: its text, or the text with the cell's padding (default `pr-4`) and whether
 *  only screen readers get it (for a column of buttons). */
export type DataTableHeader = string | { label: string; className?: string; srOnly?: boolean };

/** A table that scrolls sideways when narrow: a heading row from `headers`, then `children` as
 *  the rows (`<tr>` elements). */
export function DataTable({ caption, headers, children }: { caption?: string; headers: DataTableHeader[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="border-b border-slate-200 text-slate-500">
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
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
