/** User-facing messages of the DataFrame entry (cohortcheck/dataframe). */

export function danfojsMissing(): string {
  return "cohortcheck/dataframe needs the optional peer dependency danfojs-node; install it with: npm install danfojs-node";
}
