// People's names in messages. A name is stored as typed: «Фамилия Имя Отчество».
// It is never declined: messages put it in the nominative («Методист: …»), and
// greetings use the polite address form, имя и отчество. Pure: no grammY, no Prisma.

/** The words of a name, spaces folded. */
const wordsOf = (fullName: string) => fullName.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);

/**
 * How to address a person: «Кузнецова Ольга Николаевна» → «Ольга Николаевна»,
 * «Кузнецова Ольга» → «Ольга», a single word → that word. Longer names
 * («Алиев Рашид Алиевич оглы») drop only the surname. No name → "".
 */
export function addressName(fullName: string | null | undefined): string {
  const words = wordsOf(fullName ?? "");
  return words.length <= 1 ? (words[0] ?? "") : words.slice(1).join(" ");
}

/** True when a typed full name is a single word (just «Мария»): a surname is probably missing. */
export function isSingleWordName(fullName: string): boolean {
  return wordsOf(fullName).length === 1;
}
