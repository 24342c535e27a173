import { localise } from "./src/localise/localise.js";
import { meanSdProblem } from "./src/localise/mean-sd-problem.js";
const f = localise(meanSdProblem({ id: "x", mean: "3.44", dispersion: { kind: "sd", value: "2.47" }, n: 18, items: 1 }));
console.log(f.explanations.map(e=>[e.prior, e.sentence, JSON.stringify(e.outcome.corrected)]));
const g = localise(meanSdProblem({ id: "s", mean: "17.33", dispersion: { kind: "sd", value: "4.71" }, n: 21, items: 1, scale: undefined }));
console.log(g.explanations.map(e=>[e.prior, e.sentence, JSON.stringify(e.outcome.corrected), JSON.stringify(e.outcome.details)]));
