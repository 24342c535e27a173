/**
 * The notebook's only script (allowed by its hash in the page's Content-Security-Policy). It computes
 * nothing: it folds long tables on a phone; shows or hides a hint or a worked answer when its button is
 * pressed; and, when an exercise's answer is checked, compares it with what the toolkit accepted when
 * the report was made (numbers and intervals as ranges in data attributes, choices marked right or
 * wrong, each with the toolkit's own finding about it) and says so in the exercise's live region.
 * Plain ES5 in one function, so it runs in any browser from file:// with no build step.
 */
export const NOTEBOOK_SCRIPT = `(function () {
  "use strict";
  var MESSAGES = {
    empty: "Type an answer first.",
    emptyChoice: "Choose an answer first.",
    invalid: "That is not a number: type digits, e.g. 12.5 or 0.05.",
    right: "Right.",
    low: "Not quite: the toolkit's answer is higher.",
    high: "Not quite: the toolkit's answer is lower.",
    order: "The lower end must not be above the upper end.",
    wrongChoice: "Not quite.",
    someRight: "Not quite: some of your choices are right, not all of them, or not only them."
  };
  function parseNumber(text) {
    var t = String(text).replace(/\\u2212/g, "-").replace(/\\s+/g, "").replace(/%$/, "").replace(/,/g, ".");
    if (t === "") return { empty: true };
    if (!/^[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?$/i.test(t)) return { invalid: true };
    return { value: Number(t) };
  }
  function within(value, range) {
    return value >= range[0] && value <= range[1];
  }
  function say(exercise, state, text) {
    var feedback = exercise.querySelector(".feedback");
    feedback.setAttribute("data-state", state);
    feedback.textContent = text;
  }
  function mark(input, bad) {
    if (bad) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  function checkNumber(form, exercise) {
    var input = form.querySelector("input");
    var read = parseNumber(input.value);
    if (read.empty || read.invalid) {
      mark(input, true);
      return say(exercise, "error", read.empty ? MESSAGES.empty : MESSAGES.invalid);
    }
    mark(input, false);
    var low = Number(form.getAttribute("data-low"));
    var high = Number(form.getAttribute("data-high"));
    if (within(read.value, [low, high])) return say(exercise, "right", MESSAGES.right);
    say(exercise, "wrong", read.value < low ? MESSAGES.low : MESSAGES.high);
  }
  function checkInterval(form, exercise) {
    var inputs = form.querySelectorAll("input");
    var ends = [];
    for (var i = 0; i < 2; i++) {
      var read = parseNumber(inputs[i].value);
      if (read.empty || read.invalid) {
        mark(inputs[i], true);
        inputs[i].focus();
        return say(exercise, "error", read.empty ? MESSAGES.empty : MESSAGES.invalid);
      }
      mark(inputs[i], false);
      ends.push(read.value);
    }
    if (ends[0] > ends[1]) return say(exercise, "error", MESSAGES.order);
    var accepted = JSON.parse(form.getAttribute("data-accept"));
    for (var j = 0; j < accepted.length; j++) {
      if (within(ends[0], accepted[j].lower) && within(ends[1], accepted[j].upper)) return say(exercise, "right", MESSAGES.right + " That is the " + accepted[j].name + " interval.");
    }
    var first = accepted[0];
    var parts = [];
    if (!within(ends[0], first.lower)) parts.push("the lower end is too " + (ends[0] < first.lower[0] ? "low" : "high"));
    if (!within(ends[1], first.upper)) parts.push("the upper end is too " + (ends[1] < first.upper[0] ? "low" : "high"));
    say(exercise, "wrong", "Not quite: against the " + first.name + " interval, " + parts.join(" and ") + ".");
  }
  function checkChoice(form, exercise) {
    var options = form.querySelectorAll("input");
    var chosen = 0, rightChosen = 0, right = 0;
    for (var i = 0; i < options.length; i++) {
      var correct = options[i].getAttribute("data-correct") === "true";
      var note = document.getElementById(options[i].getAttribute("data-note"));
      if (correct) right++;
      if (options[i].checked) {
        chosen++;
        if (correct) rightChosen++;
      }
      if (note) note.hidden = !options[i].checked;
    }
    if (chosen === 0) return say(exercise, "error", MESSAGES.emptyChoice);
    if (rightChosen === right && chosen === right) return say(exercise, "right", MESSAGES.right + " What the toolkit found is under each choice.");
    say(exercise, "wrong", (form.getAttribute("data-multiple") === "true" && rightChosen > 0 ? MESSAGES.someRight : MESSAGES.wrongChoice) + " What the toolkit found is under each choice you made.");
  }
  // On a phone every table row is a card: long tables start folded (their summary says how many rows).
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) {
    var boxes = document.querySelectorAll("details[data-narrow-closed]");
    for (var b = 0; b < boxes.length; b++) boxes[b].open = false;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("try")) return;
    event.preventDefault();
    var exercise = form.closest(".exercise");
    var kind = form.getAttribute("data-kind");
    if (kind === "number") checkNumber(form, exercise);
    else if (kind === "interval") checkInterval(form, exercise);
    else checkChoice(form, exercise);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.reveal") : null;
    if (!button) return;
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) return;
    var open = target.hidden;
    target.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? button.getAttribute("data-hide") : button.getAttribute("data-show");
  });
})();`;
