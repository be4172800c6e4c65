/** A name as the people lists compare it: accents, case and spacing aside. */
function folded(text: string) {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().trim();
}

/**
 * The people whose name holds every word typed (in any order, accents and case aside); the
 * unnamed ones answer to "unnamed", as the lists call them. All of them for a blank `query`.
 */
export function filterPeople<P extends { name: string }>(people: readonly P[], query: string): P[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...people];
  return people.filter((p) => {
    const name = folded(p.name || "unnamed");
    return words.every((w) => name.includes(w));
  });
}

/** The other person (of `people`, not `selfId`) already named `name`: trimmed, case aside (the
 *  one holding the most faces, should there be several). null for a blank name. */
export function personNamed<P extends { id: string; name: string; faceCount: number }>(people: readonly P[], name: string, selfId: string): P | null {
  const wanted = name.trim().normalize("NFC").toLowerCase();
  if (!wanted) return null;
  const same = people.filter((p) => p.id !== selfId && p.name.trim().normalize("NFC").toLowerCase() === wanted);
  return same.reduce<P | null>((best, p) => (!best || p.faceCount > best.faceCount ? p : best), null);
}
