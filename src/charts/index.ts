export { CHART_FONT, chartConfig, GROUP_COLOURS } from "./theme.js";
export { CHART_FONT_FILES, renderPng } from "./render-png.js";
export { bandShiftChart, type BandConventionPanel, type BandMarker, type BandShiftPanel, type BandSpan } from "./band-shift-chart.js";
export { cohortMixChart, type CohortMixRow } from "./cohort-mix-chart.js";
export { crosstabHeatmap, type CrosstabCell } from "./crosstab-heatmap.js";
export { meanChainChart, type ChainAnnotation, type ChainTimepoint, type MeanChainPanel } from "./mean-chain-chart.js";
export { normaliseSvg, renderSvg } from "./render-svg.js";
export { pValueRangeChart, type PValueRow } from "./p-value-range-chart.js";
export { powerCurveChart, type PowerPoint } from "./power-curve-chart.js";
