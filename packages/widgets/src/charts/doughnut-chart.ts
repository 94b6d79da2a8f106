import { ArcElement, Chart, DoughnutController, Tooltip } from 'chart.js';

let registered = false;

/** Registers what a doughnut chart needs with chart.js, once. */
export function registerDoughnutChart(): typeof Chart {
  if (!registered) {
    Chart.register(DoughnutController, ArcElement, Tooltip);
    registered = true;
  }
  return Chart;
}
