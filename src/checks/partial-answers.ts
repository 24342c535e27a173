import { integersInInterval, roundingInterval, type RoundingMode } from "../stats/rounding.js";
import { inSteps, parseStep, stepRange, type Step } from "../stats/step.js";

export interface PartialAnswersInput {
  mean: string;
  n: number;
  items: number;
  itemStep?: number | string | Step;
  /** Range of one item. */
  itemMin: number;
  itemMax: number;
  /** Fewest items a score may come from. */
  minimumItemsAnswered: number;
  rounding?: RoundingMode;
  threshold?: number;
}

/** One way a single person's score from fewer items makes the mean possible. */
export interface PartialFit {
  /** Items that person answered. */
  answered: number;
  /** The total of the other n − 1 scores and that person's score, exactly, as text ("1985 + 250/9"). */
  example: string;
}

/** Most candidate totals searched (a mean's rounding interval holds few; this only bounds pathological input). */
const MAX_TOTALS = 100_000;

/**
 * Whether a mean that no n complete answers can give becomes possible when one person's score comes
 * from fewer items (an instrument that scores the items answered, as the RAND-36 does): that person's
 * score is then a multiple of itemStep/j for the j items answered, the others' of itemStep/items. Tries j
 * from items − 1 down to the minimum, exactly: with T = K·j + k'·items (K the others' total in item
 * steps, k' that person's), the mean is T·itemStep / (items·j·n). Returns the largest j that fits, with
 * an example, or null.
 *
 * @example
 * // RAND-36 energy/fatigue (4 items on 0, 20, …, 100), n = 26, printed 35.32: impossible with complete
 * // answers (35.19 or 35.38), possible when one person answered 3 items: 905 + 40/3 = 918.33…, / 26 = 35.3205.
 * onePartialRespondent({ mean: "35.32", n: 26, items: 4, itemStep: 20, itemMin: 0, itemMax: 100, minimumItemsAnswered: 1 }); // => { answered: 3, … }
 */
export function onePartialRespondent(input: PartialAnswersInput): PartialFit | null {
  const itemStep = parseStep(input.itemStep ?? 1, "itemStep");
  const item = stepRange(input.itemMin, input.itemMax, itemStep);
  const interval = roundingInterval(input.mean, input.rounding ?? "up_or_down", input.threshold ?? 5);
  const { n, items } = input;
  for (let j = items - 1; j >= Math.max(1, input.minimumItemsAnswered); j--) {
    const t = integersInInterval(inSteps(interval, { num: itemStep.num, den: itemStep.den * items * j }), n);
    if (t.last - t.first + 1 > MAX_TOTALS) return null;
    const kMin = (n - 1) * items * item.kMin;
    const kMax = (n - 1) * items * item.kMax;
    for (let total = t.first; total <= t.last; total++) {
      for (let own = j * item.kMin; own <= j * item.kMax; own++) {
        const rest = total - own * items;
        if (rest % j !== 0) continue;
        const others = rest / j;
        if (others < kMin || others > kMax) continue;
        // Scores: the others' total others·itemStep/items, the person's own·itemStep/j.
        return { answered: j, example: `${fraction(others * itemStep.num, itemStep.den * items)} + ${fraction(own * itemStep.num, itemStep.den * j)}` };
      }
    }
  }
  return null;
}

function fraction(num: number, den: number): string {
  let a = Math.abs(num);
  let b = den;
  while (b !== 0) [a, b] = [b, a % b];
  const g = a || 1;
  return den / g === 1 ? String(num / g) : `${num / g}/${den / g}`;
}
