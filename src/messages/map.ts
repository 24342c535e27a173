/**
 * User-facing messages of batch mode (`cohort map`, src/batch). Functions of their inputs so tests
 * compare against the same text. Lowercase fragments, no period.
 */

export function unknownCheck(name: string, known: readonly string[]): string {
  return `--check must be one of ${known.join(", ")}, received "${name}"`;
}

export function missingColumn(check: string, role: string, names: readonly string[], header: readonly string[]): string {
  return `${check} needs a column for ${role} (named ${names.map((name) => `"${name}"`).join(" or ")}, or given with --columns ${role}=NAME); the table has ${header.length === 0 ? "no columns" : header.map((name) => `"${name}"`).join(", ")}`;
}

export function unknownRole(role: string, check: string, roles: readonly string[]): string {
  return `--columns names "${role}", which ${check} does not read; it reads ${roles.join(", ")}`;
}

export function badColumnsOption(value: string): string {
  return `--columns takes ROLE=COLUMN pairs separated by commas (e.g. x=M,n=N), received "${value}"`;
}

export function emptyCell(role: string, column: string): string {
  return `${role} (column "${column}") is empty`;
}

export function numberNotString(role: string, column: string, value: number): string {
  return `${role} (column "${column}") is the JSON number ${value}; give reported values as strings ("5.10"), since a number has lost its trailing zeros`;
}

export function notAWholeNumberCell(role: string, column: string, value: string): string {
  return `${role} (column "${column}") must be a whole number, received "${value}"`;
}

export function notAnObject(line: number): string {
  return `line ${line} is not a JSON object`;
}

export function badJsonLine(line: number, reason: string): string {
  return `line ${line} is not valid JSON: ${reason}`;
}

export function tooManyRowsForJson(limit: number): string {
  return `--json holds every row in one document and stops at ${limit} rows; stream the verdicts with --format csv or --format jsonl instead (the audit then goes to stderr)`;
}

export function unreadableTable(reason: string): string {
  return `cannot read the table: ${reason}`;
}

export function moreRowErrors(count: number): string {
  return `… and ${count} more rows with errors (each is in the output's error column)`;
}
