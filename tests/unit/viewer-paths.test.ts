import { describe, expect, it } from "vitest";
import { isCourseLine } from "~/server/jobs/queue";
import { folderLabels, fromViewerPath, isFolderList, namesPathIn, textInViewerTerms, toViewerPath } from "~/server/library/viewer-paths";

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
    // the folder's bare name under a bigger root could begin a sibling's: only paths below it count
    expect(read("walking /lib/alice")).toBeNull();
    for (const sibling of ["/lib/alice, bob", "/lib/alice's", "/lib/alice: 2", "/lib/alice)", "/lib/alice; x", "/lib/alice ->"]) {
      expect(read(`no preview for ${sibling}/x.jpg: corrupt`), sibling).toBeNull();
      expect(namesPathIn(`no preview for ${sibling}/x.jpg: corrupt`, "/lib/alice"), sibling).toBe(false);
    }
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

  it("a line names a folder on path boundaries, with _ and % taken literally", () => {
    expect(namesPathIn("no preview for /lib/alice/a.jpg: corrupt", "/lib/alice")).toBe(true);
    expect(namesPathIn("walking /lib/alice", "/lib/alice")).toBe(false);
    for (const other of ["/lib/alice2/a.jpg", "/lib/alice 2/a.jpg", "/lib/al_ce/a.jpg", "/lib/al%ce/a.jpg", "/lib"]) {
      expect(namesPathIn(`no preview for ${other}: corrupt`, "/lib/alice")).toBe(false);
    }
    expect(namesPathIn("no preview for /lib/alice/a.jpg: corrupt", "/lib/al_ce")).toBe(false);
    expect(namesPathIn("no preview for /lib/al_ce/a.jpg: corrupt", "/lib/al%ce")).toBe(false);
    expect(namesPathIn("14 files found: 0 unchanged, 14 to read", "/lib/alice")).toBe(false);
  });

  it("the job's course is told apart from lines about its files", () => {
    for (const line of ["scan started", "full rescan started", "video conversions started", "resuming scan (attempt 2)", "cancelled", "resumed by worker w2", "worker w1 stopped responding; resumed by worker w2", "worker w1 is shutting down; the next worker resumes this scan", "scan failed: database is locked"]) {
      expect(isCourseLine(line)).toBe(true);
    }
    for (const line of ["14 files found: 0 unchanged, 14 to read", "done: 14 new, 0 changed, 0 moved, 0 back, 0 missing, 0 unchanged", "files without preview under this folder:", "2 videos to convert for the browser: queued", "cancelled 3 files"]) {
      expect(isCourseLine(line)).toBe(false);
    }
  });

  it("with several folders, each is a top-level entry named by its own name, and paths cannot leave them", () => {
    const two = ["/lib/alice", "/lib/bob/2024"];
    expect(isFolderList(two, "")).toBe(true);
    expect(isFolderList(two, "alice/..")).toBe(true);
    expect(isFolderList(["/lib/alice"], "")).toBe(false);
    expect(toViewerPath(two, "/lib/alice")).toBe("alice");
    expect(toViewerPath(two, "/lib/bob/2024/summer")).toBe("2024/summer");
    expect(fromViewerPath(two, "alice/2023/../2024")).toBe("/lib/alice/2024");
    expect(fromViewerPath(two, "2024/summer")).toBe("/lib/bob/2024/summer");
    expect(fromViewerPath(two, "/lib/bob/2024/x")).toBe("/lib/bob/2024/x");
    for (const outside of ["alice/..", "alice/../..", "alice/../bob", "bob", "alice2", "../alice2", "/lib/alice2", "/lib/bob", "/lib/bob/2024/../2025"]) {
      expect(fromViewerPath(two, outside), outside).toBeNull();
    }
    // two folders of one name: " (2)" after the first by path, never a "/"
    expect(folderLabels(["/a/photos", "/b/photos", "/c/photos (2)"]).map((f) => f.label)).toEqual(["photos", "photos (2)", "photos (2) (2)"]);
    expect(fromViewerPath(["/a/photos", "/b/photos"], "photos (2)/x")).toBe("/b/photos/x");
  });

  it("with several folders under one root, log lines name each as the folder view does, and nothing else", () => {
    const read = (line: string) => textInViewerTerms(line, ["/lib/alice", "/lib/bob"], "/lib");
    expect(read("cannot read /lib/alice/2023/a.jpg: EACCES; skipped")).toBe("cannot read alice/2023/a.jpg: EACCES; skipped");
    expect(read("moved: /lib/alice/a.jpg -> /lib/bob/b/a.jpg")).toBe("moved: alice/a.jpg -> bob/b/a.jpg");
    expect(read("no preview for /lib/alice2/holiday.jpg: corrupt")).toBeNull();
    expect(read("walking /lib")).toBeNull();
    expect(namesPathIn("no preview for /lib/bob/x.jpg", ["/lib/alice", "/lib/bob"])).toBe(true);
    expect(namesPathIn("no preview for /lib/bob2/x.jpg", ["/lib/alice", "/lib/bob"])).toBe(false);
    // a job whose root is one of the folders: the folder itself by its name
    expect(textInViewerTerms("ENOENT: realpath '/lib/bob'", ["/lib/alice", "/lib/bob"], "/lib/bob")).toBe("ENOENT: realpath 'bob'");
  });
});
