const escaped = (text: string) => text.trim().replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern (with `ESCAPE '\'`) for text containing what the user typed, taken literally. */
export const containing = (text: string) => `%${escaped(text)}%`;

/** A LIKE pattern (with `ESCAPE '\'`) for text starting with what the user typed. */
export const startingWith = (text: string) => `${escaped(text)}%`;
