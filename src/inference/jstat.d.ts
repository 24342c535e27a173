// jstat ships no type declarations; this types only the parts cohortcheck calls.
declare module "jstat" {
  interface JStatNoncentralT {
    cdf(x: number, dof: number, ncp: number): number;
  }
  interface JStat {
    noncentralt: JStatNoncentralT;
  }
  const jStat: JStat & { jStat: JStat };
  export default jStat;
}
