/**
 * The notebook's browser code, bundled by scripts/build-notebook-script.ts into
 * src/report/notebook-script.ts and inlined in reports/index.html (allowed by its hash in the page's
 * CSP). It checks an exercise's answer with judgeAnswer, the library function that for a number or an
 * interval runs the exercise's library call (mde, countTables, wilson and clopperPearson) here in the
 * browser; shows or hides a hint or a worked answer; and folds long tables on a phone.
 */
import type { ExerciseInput } from "../report/artefact.js";
import { judgeAnswer, type ReaderAnswer } from "../report/judge-answer.js";

function check(form: HTMLFormElement): void {
  const exercise = form.closest(".exercise");
  const feedback = exercise?.querySelector<HTMLElement>(".feedback");
  if (!exercise || !feedback) return;
  const input = JSON.parse(form.getAttribute("data-input") ?? "null") as ExerciseInput;
  const fields = Array.from(form.querySelectorAll<HTMLInputElement>("input"));
  let answer: ReaderAnswer;
  if (input.kind === "choice") {
    answer = { chosen: fields.flatMap((field, index) => (field.checked ? [index] : [])) };
    // What the toolkit found about each option the reader chose.
    for (const field of fields) {
      const note = document.getElementById(field.getAttribute("data-note") ?? "");
      if (note) note.hidden = !field.checked;
    }
  } else {
    answer = { texts: fields.map((field) => field.value) };
  }
  let judgement;
  try {
    judgement = judgeAnswer(input, answer);
  } catch (error) {
    // A library refusal (e.g. a budget) is said, not swallowed.
    judgement = { state: "error" as const, message: error instanceof Error ? error.message : String(error) };
  }
  if (input.kind !== "choice") {
    fields.forEach((field, index) => {
      if (judgement.state === "error" && judgement.field === index) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    });
    if (judgement.state === "error" && judgement.field !== undefined) fields[judgement.field]?.focus();
  }
  feedback.setAttribute("data-state", judgement.state);
  feedback.textContent = judgement.message;
}

function toggle(button: HTMLButtonElement): void {
  const target = document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!target) return;
  const open = target.hidden;
  target.hidden = !open;
  button.setAttribute("aria-expanded", open ? "true" : "false");
  button.textContent = (open ? button.getAttribute("data-hide") : button.getAttribute("data-show")) ?? button.textContent;
}

// On a phone every table row is a card: long tables start folded (their summary says how many rows).
if (window.matchMedia?.("(max-width: 700px)").matches) {
  Array.from(document.querySelectorAll<HTMLDetailsElement>("details[data-narrow-closed]")).forEach((box) => (box.open = false));
}
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("try")) return;
  event.preventDefault();
  check(form);
});
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button.reveal") : null;
  if (button) toggle(button);
});
