import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

let registered = false;

/** Registers what a bar chart needs with chart.js, once; other chart types stay out of the bundle. */
export function registerBarChart(): typeof Chart {
  if (!registered) {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
    registered = true;
  }
  return Chart;
}
