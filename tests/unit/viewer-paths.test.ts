import { describe, expect, it } from "vitest";
import { fromViewerPath, textInViewerTerms, toViewerPath } from "~/server/library/viewer-paths";

describe("paths as a user sees them", () => {
  it("are relative to the scan folder, and cannot leave it", () => {
    expect(toViewerPath("/lib/alice", "/lib/alice")).toBe("");
    expect(toViewerPath("/lib/alice", "/lib/alice/2023/summer")).toBe("2023/summer");
    expect(fromViewerPath("/lib/alice", "")).toBe("/lib/alice");
    expect(fromViewerPath("/lib/alice", "2023/../2024")).toBe("/lib/alice/2024");
    expect(fromViewerPath("/lib/alice", "/lib/alice/2024")).toBe("/lib/alice/2024");
    expect(fromViewerPath("/lib/alice", "..")).toBeNull();
    expect(fromViewerPath("/lib/alice", "../alice2")).toBeNull();
    expect(fromViewerPath("/lib/alice", "/lib/alice2")).toBeNull();
  });

  it("log lines name the user's own folder only, never a sibling or the root above it", () => {
    const read = (line: string) => textInViewerTerms(line, "/lib/alice", "/lib");
    expect(read("walking /lib/alice")).toBe("walking your folder");
    expect(read("cannot read /lib/alice/2023/a.jpg: EACCES; skipped")).toBe("cannot read 2023/a.jpg: EACCES; skipped");
    expect(read("moved: /lib/alice/a.jpg -> /lib/alice/b/a.jpg")).toBe("moved: a.jpg -> b/a.jpg");
    expect(read("scan started")).toBe("scan started");
    expect(read("walking /lib")).toBeNull();
    expect(read("no preview for /lib/alice2/holiday.jpg: corrupt")).toBeNull();
    expect(read("symbolic link /lib/alice 2/x leads outside the scan root; not followed")).toBeNull();
    expect(read("ENOENT: no such file or directory, realpath '/lib'")).toBeNull();
    // the server's own files are not the user's business either
    expect(read("no preview for /lib/alice/a.heic: EACCES: permission denied, open '/var/lib/folio/thumbs/ab/c.webp.tmp'")).toBe(
      "no preview for a.heic: EACCES: permission denied, open '(a server path)'",
    );
    expect(read("no preview for /lib/alice/a.jpg: cannot write /tmp/x")).toBe("no preview for a.jpg: cannot write (a server path)");
    expect(read("cannot write /var/lib/alice/x")).toBe("cannot write (a server path)");
    // the user's folder is the root: everything in the log is theirs
    expect(textInViewerTerms("ENOENT: no such file or directory, realpath '/lib/alice'", "/lib/alice", "/lib/alice")).toBe(
      "ENOENT: no such file or directory, realpath 'your folder'",
    );
  });
});
