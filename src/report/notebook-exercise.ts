import type { Exercise, ExerciseInput } from "./artefact.js";
import { escapeHtml } from "./escape-html.js";

/**
 * One exercise as the notebook shows it: the question; a form to answer it (a number, an interval's
 * two ends, or choices) whose feedback goes to a live region; a hint and the worked answer behind
 * buttons; and how the toolkit computed it in a "for the toolkit" detail. The form carries the
 * exercise's input as JSON (data-input): the page script runs judgeAnswer on it, which for a number or
 * an interval runs the exercise's library call again in the browser. Works with the keyboard
 * alone: every control is a native input or button, Enter checks, the feedback is announced.
 *
 * @param exercise the exercise
 * @param index its number in the page (ids are `exercise-<index>`, `answer-<index>`)
 * @param words text → text shown (the plain-words pass; escaping is done here)
 * @param toolkitHtml the ids named in plain words, as HTML, for the toolkit detail
 * @example
 * notebookExercise({ question: "Q?", answer: "A", method: "m" }, 1, (t) => t, "").includes('aria-controls="answer-1"'); // => true
 */
export function notebookExercise(exercise: Exercise, index: number, words: (text: string) => string, toolkitHtml: string): string {
  const e = escapeHtml;
  const id = `exercise-${index}`;
  const answerId = `answer-${index}`;
  const hintId = `${id}-hint`;
  const out = [`<li class="exercise" id="${id}">`, `<p class="question" id="${id}-question">${e(words(exercise.question))}</p>`];
  if (exercise.input) out.push(formHtml(exercise.input, id, words), `<p class="feedback" id="${id}-feedback" role="status"></p>`);
  out.push('<div class="exercise-actions">');
  if (exercise.hint) out.push(revealButton(hintId, "Show a hint", "Hide the hint"));
  out.push(revealButton(answerId, "Show the worked answer", "Hide the worked answer"), "</div>");
  if (exercise.hint) out.push(`<p class="hint" id="${hintId}" hidden>Hint: ${e(words(exercise.hint))}</p>`);
  out.push(
    `<div class="answer" id="${answerId}" hidden><p>${e(words(exercise.answer))}</p>`,
    `<details class="toolkit"><summary>For the toolkit</summary><p class="method">Computed with ${e(exercise.method)}</p>${toolkitHtml}</details></div>`,
    "</li>",
  );
  return out.join("\n");
}

function revealButton(controls: string, show: string, hide: string): string {
  return `<button type="button" class="reveal" aria-expanded="false" aria-controls="${controls}" data-show="${show}" data-hide="${hide}">${show}</button>`;
}

/** The answer form; `novalidate` so the page script, not the browser, words every message. */
function formHtml(input: ExerciseInput, id: string, words: (text: string) => string): string {
  const e = escapeHtml;
  const described = `aria-describedby="${id}-feedback"`;
  const unit = "unit" in input && input.unit ? ` (${e(input.unit)})` : "";
  const field = (fieldId: string, label: string) =>
    `<span><label for="${fieldId}">${label}</label><input type="text" id="${fieldId}" inputmode="decimal" autocomplete="off" spellcheck="false" ${described}></span>`;
  switch (input.kind) {
    case "number":
      return [
        `<form class="try" data-kind="number" data-input="${e(JSON.stringify(input))}" novalidate>`,
        field(`${id}-answer`, `${e(words(input.label))}${unit}`),
        '<button type="submit">Check</button></form>',
      ].join("");
    case "interval":
      return [
        `<form class="try" data-kind="interval" data-input="${e(JSON.stringify(input))}" novalidate>`,
        `<fieldset class="ends"><legend>${e(words(input.label))}${unit}</legend>`,
        field(`${id}-lower`, "Lower end"),
        field(`${id}-upper`, "Upper end"),
        '</fieldset><button type="submit">Check</button></form>',
      ].join("");
    case "choice": {
      const type = input.multiple ? "checkbox" : "radio";
      const options = input.options.map((option, i) => {
        const optionId = `${id}-option-${i + 1}`;
        return [
          `<label class="choice" for="${optionId}"><input type="${type}" id="${optionId}" name="${id}-choice" value="${i}" data-note="${optionId}-note">`,
          `<span>${e(words(option.label))}</span></label>`,
          `<span class="option-note" id="${optionId}-note" hidden>${option.correct ? "Right choice" : "Not a right choice"}: ${e(words(option.feedback))}</span>`,
        ].join("");
      });
      return [
        `<form class="try" data-kind="choice" data-input="${e(JSON.stringify(input))}" novalidate>`,
        `<fieldset><legend>${e(words(input.label))}${input.multiple ? " (tick every one that applies)" : ""}</legend>${options.join("\n")}</fieldset>`,
        '<button type="submit">Check</button></form>',
      ].join("");
    }
  }
}
