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
