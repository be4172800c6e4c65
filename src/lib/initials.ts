/** "Ada Lovelace" -> "AL"; falls back to the username's first two letters. */
export function initialsOf(name: string, username: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? words[0]![0]! + words.at(-1)![0]! : (words[0] ?? username).slice(0, 2);
  return letters.toUpperCase();
}
