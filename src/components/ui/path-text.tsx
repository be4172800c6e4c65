import { Fragment } from "react";
import { pathBreaks } from "~/lib/path-breaks";

/**
 * A server path in monospace that wraps only after a "/" (a `<wbr>` after each separator, and
 * no breaking inside words): "break-all" cut folder names mid-word ("/data/ali | ce/2023").
 */
export function PathText({ path, className = "" }: { path: string; className?: string }) {
  return (
    <code className={`break-normal [overflow-wrap:normal] ${className}`}>
      {pathBreaks(path).map((part, i) => (
        <Fragment key={i}>
          {part}
          {part.endsWith("/") && <wbr />}
        </Fragment>
      ))}
    </code>
  );
}
