// The one rule that makes search words, for the index and for the search box alike.
import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, MAX_WORD_LENGTH, photoSearchText, searchTerms, searchWords, userSearchText } from "~/lib/search-words";

describe("search words", () => {
  it("split on everything but letters and digits, lower case, accents dropped, each once", () => {
    expect(searchWords("IMG_0042.JPG")).toEqual(["img", "0042", "jpg"]);
    expect(searchWords("Café in Zürich", "CAFE")).toEqual(["cafe", "in", "zurich"]);
    expect(searchWords("Ångström Œuvre naïve São-Paulo")).toEqual(["angstrom", "œuvre", "naive", "sao", "paulo"]);
    expect(searchWords("EF 24-70mm f/2.8L")).toEqual(["ef", "24", "70mm", "f", "2", "8l"]);
  });

  it("fold compatibility forms: ligatures, full-width letters, superscripts", () => {
    expect(searchWords("ﬁsh ＡＢＣ x²")).toEqual(["fish", "abc", "x2"]);
    // a capital I with a dot lowers to i plus a combining dot, which goes too
    expect(searchWords("İstanbul")).toEqual(["istanbul"]);
  });

  it("keep letters of every script as words", () => {
    expect(searchWords("東京 タワー, Москва!")).toEqual(["東京", "タワー", "москва"]);
  });

  it("cut very long words, both indexed and searched, so a long search word still matches", () => {
    const long = "a".repeat(MAX_WORD_LENGTH + 10);
    expect(searchWords(long)).toEqual(["a".repeat(MAX_WORD_LENGTH)]);
    expect(searchTerms(long)).toEqual(searchWords(long));
  });

  it("make a photo's text from its folder, file name, metadata and keywords, and a user's from their names", () => {
    expect(
      photoSearchText({ folder: "alice/Holidays 2023", fileName: "IMG_1.jpg", title: "Pier", description: null, cameraMake: "Canon", cameraModel: "Canon EOS R5", lens: null, keywords: ["Beach"] }),
    ).toBe("alice holidays 2023 img 1 jpg pier canon eos r5 beach");
    expect(userSearchText(["Zoo trip", "Summer 2023"])).toBe("zoo trip summer 2023");
    expect(userSearchText([])).toBe("");
  });

  it("take at most the first search terms", () => {
    const q = Array.from({ length: MAX_SEARCH_TERMS + 5 }, (_, i) => `w${i}`).join(" ");
    expect(searchTerms(q)).toHaveLength(MAX_SEARCH_TERMS);
    expect(searchTerms("  ?! ")).toEqual([]);
  });
});
