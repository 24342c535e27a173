/**
 * User-facing messages of the reports area (regeneration, rendering, writing). Functions of their
 * inputs so tests compare against the same text (vega-lite style). Lowercase fragments, no period.
 */

export function notFinite(what: string, value: number): string {
  return `${what} must be a finite number, received ${value}`;
}

export function badDecimals(decimals: number): string {
  return `decimals must be a whole number from 0 to 12, received ${decimals}`;
}

export function noStudies(folder: string): string {
  return `no study files (*.json) in ${folder}`;
}

export function duplicateStudyId(id: string, first: string, second: string): string {
  return `study id "${id}" is used by both ${first} and ${second}; each study needs its own report folder`;
}

export function duplicateArtefact(id: string, study: string): string {
  return `two analyses produced the artefact "${id}" for study "${study}"; artefact ids name files and must be unique`;
}

export function unsafeName(name: string): string {
  return `"${name}" cannot name a report file or folder: use lowercase letters, digits and hyphens`;
}

export function fontMissing(file: string): string {
  return `font file ${file} is missing; PNG charts need it to draw text (it comes with the npm package @expo-google-fonts/arimo: run npm install)`;
}

export function renderFailed(id: string, reason: string): string {
  return `chart "${id}" could not be rendered: ${reason}`;
}

export function unsafeSvg(id: string, reason: string): string {
  return `chart "${id}" rendered SVG containing ${reason}; refusing to embed it`;
}

export function analysisFailed(analysis: string, study: string, reason: string): string {
  return `analysis "${analysis}" failed on study "${study}": ${reason}`;
}

export function reportsFolderNotOurs(marker: string): string {
  return `this folder is not empty and was not written by npm run reports (it has no ${marker} file); the reports tree is replaced as a whole, so it would be lost: give an empty or new folder with --out, or the folder of an earlier run`;
}

export function reportsFolderNotFolder(kind: string): string {
  return `is a ${kind}, not a folder; --out names the folder the reports tree is written to`;
}

export function lockHeld(pid: number, host: string, lockPath: string, waitedSeconds: number): string {
  return `another run of npm run reports (pid ${pid} on ${host}) is writing this folder; waited ${waitedSeconds} s (--wait <seconds> to wait longer). If no such run exists, delete ${lockPath}`;
}

export function waitingForLock(pid: number, reportsDir: string): string {
  return `reports: waiting for the run with pid ${pid} to finish writing ${reportsDir}`;
}

export function lockLost(lockPath: string): string {
  return `the lock ${lockPath} was taken over by another run while this one was building; nothing was switched, the other run's reports stand`;
}

export function studyFolderClash(id: string, file: string): string {
  return `study id "${id}" (${file}) names a folder the reports tree uses for something else; choose another id`;
}

export function analysisRefused(reason: string): string {
  return `not computed: ${reason}`;
}

export function recovered(action: string, folder: string): string {
  return `reports: a killed run left ${folder}; ${action}`;
}

export function hiddenStudySkipped(name: string): string {
  return `reports: skipped ${name} in the studies folder (a hidden file: an editor's lock or backup, not a study)`;
}
