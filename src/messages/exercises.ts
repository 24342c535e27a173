// What the notebook says about a reader's answer to an exercise (src/report/judge-answer.ts).

export const emptyAnswer = (): string => "Type an answer first.";
export const emptyChoice = (): string => "Choose an answer first.";
export const notANumber = (typed: string): string => `"${typed}" is not a number: type digits, e.g. 12.5 or 0.05.`;
export const endsReversed = (): string => "The lower end must not be above the upper end.";
export const rightNumber = (value: string): string => `Right: the toolkit computes ${value}.`;
export const tooLow = (): string => "Not quite: the toolkit's answer is higher. Try again, or ask for a hint.";
export const tooHigh = (): string => "Not quite: the toolkit's answer is lower. Try again, or ask for a hint.";
export const rightInterval = (name: string, value: string): string => `Right: that is the ${name} interval, ${value}.`;
export const wrongInterval = (name: string, problems: readonly string[]): string => `Not quite: against the ${name} interval, ${problems.join(" and ")}. Try again, or ask for a hint.`;
export const endOff = (end: "lower" | "upper", direction: "low" | "high"): string => `the ${end} end is too ${direction}`;
export const rightChoice = (): string => "Right. What the toolkit found is under each choice.";
export const wrongChoice = (): string => "Not quite. What the toolkit found is under each choice you made.";
export const partlyRight = (): string => "Not quite: some of your choices are right, but not all of them, or not only them. What the toolkit found is under each choice you made.";
