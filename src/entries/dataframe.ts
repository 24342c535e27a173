// `cohortcheck/dataframe`: rebuilt datasets as danfojs DataFrames. Needs the optional peer dependency
// danfojs-node (npm install danfojs-node); nothing else in cohortcheck imports it.
export { toDataFrame } from "../dataframe/to-data-frame.js";
export { reconstructionTable, type ReconstructionTable } from "../reconstruct/study/reconstruction-table.js";
