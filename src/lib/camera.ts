// A camera's name from EXIF Make and Model, as people say it: "Canon EOS 400D", "NIKON D750",
// "Apple iPhone 12". Many makers repeat their name in the model and write a company name in
// the make ("NIKON CORPORATION" + "NIKON D750"), which shown side by side reads twice.

/** Company words dropped from a make: "NIKON CORPORATION" is NIKON, "OLYMPUS IMAGING CORP." OLYMPUS. */
const COMPANY = /[\s,]+(corporation|corp\.?|company|co\.?|ltd\.?|limited|inc\.?|imaging|optical|electronics|electric|camera|gmbh|ag)\.?$/i;
/** Makes whose usual name is not what is left after dropping the company words. */
const KNOWN: Record<string, string> = { "eastman kodak": "Kodak" };

/** The maker's name without the company words: "NIKON CORPORATION" gives "NIKON". */
export function makerName(make: string): string {
  let name = make.trim();
  for (let before = ""; before !== name; ) {
    before = name;
    name = name.replace(COMPANY, "").trim();
  }
  return KNOWN[name.toLowerCase()] ?? name;
}

/**
 * The camera as one name: the model alone when it already starts with the maker's name (any
 * case: "Canon" + "Canon EOS 400D"; "NIKON CORPORATION" + "NIKON D750"), else the maker's name
 * then the model ("Apple" + "iPhone 12"). Either alone when the other is unknown; null for none.
 */
export function cameraName(make: string | null | undefined, model: string | null | undefined): string | null {
  const maker = make?.trim() ? makerName(make) : "";
  const m = model?.trim() ?? "";
  if (!m) return maker || null;
  if (!maker) return m;
  const brand = maker.split(/\s+/)[0]!;
  const startsWith = (prefix: string) => m.toLowerCase() === prefix.toLowerCase() || m.toLowerCase().startsWith(`${prefix.toLowerCase()} `) || m.toLowerCase().startsWith(`${prefix.toLowerCase()}-`);
  return startsWith(maker) || startsWith(brand) || startsWith(make!.trim()) ? m : `${maker} ${m}`;
}
