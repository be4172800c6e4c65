// The search page's state in its URL (src/lib/search-url.ts): what a query string means, what the
// form makes of its fields, and that the two round-trip.
import { describe, expect, it } from "vitest";
import { END_BEFORE_START, isBlankSearch, searchFormSchema, searchFormValues, searchFromParams, searchHref } from "~/lib/search-url";

describe("search URL", () => {
  it("reads every key photos.search takes, and leaves out blanks and what it would refuse", () => {
    expect(
      searchFromParams({ q: " beach 2019 ", from: "2024-01-01", to: "2024-12-31", mediaType: "video", favorite: "true", minRating: "4", hasLocation: "false", camera: "Canon EOS R5", other: "x" }),
    ).toEqual({ q: "beach 2019", from: "2024-01-01", to: "2024-12-31", mediaType: "video", favorite: true, minRating: 4, hasLocation: false, camera: "Canon EOS R5" });
    expect(searchFromParams({ q: "", from: "2024-02-31", to: "yesterday", mediaType: "audio", favorite: "yes", minRating: "9", hasLocation: "maybe", camera: " " })).toEqual({});
    // a repeated key: the first; an end before the start: the start only
    expect(searchFromParams({ q: ["one", "two"], from: "2024-05-01", to: "2024-04-01" })).toEqual({ q: "one", from: "2024-05-01" });
  });

  it("writes the keys in one order, blanks left out, and reads back what it wrote", () => {
    const input = { camera: "Apple iPhone 15", q: "rock & roll/ü", minRating: 2, hasLocation: true, favorite: true } as const;
    const href = searchHref(input);
    expect(href).toBe("/search?q=rock+%26+roll%2F%C3%BC&favorite=true&minRating=2&hasLocation=true&camera=Apple+iPhone+15");
    expect(searchFromParams(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(input);
    expect(searchHref({})).toBe("/search");
    expect(isBlankSearch({})).toBe(true);
    expect(isBlankSearch({ favorite: true })).toBe(false);
  });

  it("turns the form's fields into the search, blanks meaning any, and refuses an end before the start", () => {
    const blank = searchFormValues({});
    expect(searchFormSchema.parse(blank)).toEqual({});
    const filled = { ...blank, q: " tree ", from: "2023-06-01", to: "2023-06-30", mediaType: "photo", minRating: "3", hasLocation: "true", favorite: true, camera: "Fujifilm X-T4" } as const;
    const search = searchFormSchema.parse(filled);
    expect(search).toEqual({ q: "tree", from: "2023-06-01", to: "2023-06-30", mediaType: "photo", minRating: 3, hasLocation: true, favorite: true, camera: "Fujifilm X-T4" });
    expect(searchFormValues(search)).toEqual({ ...filled, q: "tree" });
    const refused = searchFormSchema.safeParse({ ...blank, from: "2023-06-30", to: "2023-06-01" });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", END_BEFORE_START]]);
    expect(searchFormSchema.safeParse({ ...blank, q: "x".repeat(201) }).error?.issues[0]?.path).toEqual(["q"]);
  });
});
