const units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const capitalised = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(capitalised).join("|");

/**
 * Pattern source for a number from one to ninety-nine written as a word, first letter either case
 * ("Twenty", "twenty-one", "Twenty one"). Longer words come first so "seventeen" is not read as "seven".
 */
export const numberWordPattern = `(?:(?:${alternation(tens)})(?:[- ](?:${units.join("|")}))?|${alternation(teens)}|${alternation(units)})(?![A-Za-z])`;

/**
 * The value of a number word from one to ninety-nine, or undefined when the text is not one.
 *
 * @example
 * numberWordValue("Twenty-five"); // => 25
 */
export function numberWordValue(text: string): number | undefined {
  const words = text.toLowerCase().split(/[- ]/);
  if (words.length === 1) {
    const word = words[0]!;
    const unit = units.indexOf(word);
    if (unit >= 0) return unit + 1;
    const teen = teens.indexOf(word);
    if (teen >= 0) return teen + 10;
    const ten = tens.indexOf(word);
    return ten >= 0 ? (ten + 2) * 10 : undefined;
  }
  if (words.length !== 2) return undefined;
  const ten = tens.indexOf(words[0]!);
  const unit = units.indexOf(words[1]!);
  return ten >= 0 && unit >= 0 ? (ten + 2) * 10 + unit + 1 : undefined;
}
