/**
 * The Inspector's live charts, drawn with uPlot (about 20 KiB gz, loaded only when a learner
 * opens the Inspector). One small chart per measure, each with an "in" and an "out" series
 * (or round trip and jitter), on the run's clock in seconds. Colours are Starlight's, read
 * from the page, so both themes show them.
 */
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import type { StatsPoint } from '../lib/inspector/stats-series.ts';
import type { LabUiKey } from '../lib/ui-keys.ts';
import { node } from './dom.ts';
import { addStyles } from './lazy-styles.ts';

addStyles('uplot', uPlotCss);

type Strings = Readonly<Record<LabUiKey, string>>;

interface ChartSpec {
  readonly title: LabUiKey;
  readonly series: ReadonlyArray<{ readonly label: LabUiKey; readonly value: (p: StatsPoint) => number | null }>;
}

const CHARTS: readonly ChartSpec[] = [
  {
    title: 'lab.inspector.chart.bitrate',
    series: [
      { label: 'lab.inspector.series.in', value: (p) => p.kbpsIn },
      { label: 'lab.inspector.series.out', value: (p) => p.kbpsOut },
    ],
  },
  {
    title: 'lab.inspector.chart.fps',
    series: [
      { label: 'lab.inspector.series.in', value: (p) => p.fpsIn },
      { label: 'lab.inspector.series.out', value: (p) => p.fpsOut },
    ],
  },
  {
    title: 'lab.inspector.chart.delay',
    series: [
      { label: 'lab.inspector.series.rtt', value: (p) => p.rttMs },
      { label: 'lab.inspector.series.jitter', value: (p) => p.jitterMs },
    ],
  },
  {
    title: 'lab.inspector.chart.lost',
    series: [
      { label: 'lab.inspector.series.in', value: (p) => p.lostIn },
      { label: 'lab.inspector.series.out', value: (p) => p.lostOut },
    ],
  },
  {
    title: 'lab.inspector.chart.audio',
    series: [
      { label: 'lab.inspector.series.in', value: (p) => p.audioIn },
      { label: 'lab.inspector.series.out', value: (p) => p.audioOut },
    ],
  },
];

const HEIGHT = 120;
/** Two charts side by side where they fit at this width or more, else one per row. */
const MIN_WIDTH = 240;
const GAP = 16;

export interface ChartGroup {
  update(points: readonly StatsPoint[]): void;
  destroy(): void;
}

export function createCharts(host: HTMLElement, t: Strings): ChartGroup {
  const style = getComputedStyle(host);
  const colour = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const inColour = colour('--sl-color-accent', '#3b82f6');
  const outColour = colour('--sl-color-orange', '#f97316');
  const axisColour = colour('--sl-color-gray-3', '#888');
  const gridColour = colour('--sl-color-hairline', 'rgba(128,128,128,0.2)');
  const width = (): number => {
    const room = host.clientWidth;
    return Math.floor(room >= 2 * MIN_WIDTH + GAP ? (room - GAP) / 2 : Math.max(MIN_WIDTH, room));
  };
  const axis = { stroke: axisColour, grid: { stroke: gridColour, width: 1 }, ticks: { stroke: gridColour, width: 1 } };

  const plots = CHARTS.map((spec) => {
    const figure = node('figure', 'inspector-chart');
    const caption = node('figcaption', '', t[spec.title]);
    figure.append(caption);
    host.append(figure);
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        // The x axis is seconds since Run, not a wall-clock date.
        scales: { x: { time: false } },
        legend: { live: false },
        cursor: { show: false },
        axes: [axis, { ...axis, size: 48 }],
        series: [{}, ...spec.series.map((series, i) => ({ label: t[series.label], stroke: i === 0 ? inColour : outColour, width: 2, spanGaps: true }))],
      },
      [[], ...spec.series.map(() => [])],
      figure,
    );
    // The canvas is a picture of numbers the text summary below the charts gives in words.
    plot.root.querySelector('.u-wrap')?.setAttribute('aria-hidden', 'true');
    return { spec, plot, figure };
  });

  const resize = new ResizeObserver(() => {
    for (const { plot } of plots) plot.setSize({ width: width(), height: HEIGHT });
  });
  resize.observe(host);

  return {
    update(points) {
      const x = points.map((p) => p.t);
      for (const { spec, plot, figure } of plots) {
        const series = spec.series.map((each) => points.map(each.value));
        // A measure this connection does not have (audio in a video-only call) is left out, not drawn empty.
        figure.hidden = series.every((values) => values.every((value) => value === null));
        plot.setData([x, ...series]);
      }
    },
    destroy() {
      resize.disconnect();
      for (const { plot } of plots) plot.destroy();
    },
  };
}
