import ApexCharts from 'apexcharts';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** The options sent by the Java ChartOptions: ApexCharts options plus Trendcast's formatting presets. */
type ChartOptionsJson = ApexCharts.ApexOptions & {
  /** number | integer | percent | compact | currency:<ISO 4217 code> */
  yFormat?: string;
  /** BCP 47 language tag such as zh-CN; the browser's locale when absent. */
  locale?: string;
};

type ValueFormatter = (value: unknown) => string;

type XRangeEventOptions = { xaxis?: { min?: number; max?: number } };

const DEFAULT_HEIGHT = 350;

/** A press that travels further than this is a zoom or selection drag, not a click. */
const CLICK_TOLERANCE_PX = 4;

/**
 * In these charts ApexCharts fires dataPointSelection only for visible markers, so a click is
 * resolved through the point the hover tooltip has captured instead.
 */
const LINE_CHART_TYPES = new Set(['line', 'area', 'rangeArea']);

const HOST_STYLE_ID = 'apex-chart-host-style';

// A light-DOM element has no :host rule; a document-level rule keeps it a block that inline styles still override.
if (!document.getElementById(HOST_STYLE_ID)) {
  const style = document.createElement('style');
  style.id = HOST_STYLE_ID;
  style.textContent = 'apex-chart { display: block; }';
  document.head.append(style);
}

/**
 * An ApexCharts chart driven by a JSON options string (the `optionsJson` property).
 *
 * Fires `apex-data-point-selection` ({seriesIndex, dataPointIndex}), `apex-zoom` ({min, max}, both
 * null after a zoom reset) and `apex-range-selection` ({min, max}).
 */
@customElement('apex-chart')
export class ApexChartElement extends LitElement {
  @property({ attribute: false })
  optionsJson = '';

  private chart?: ApexCharts;

  /** The non-data part of the options the current chart was built from. */
  private chartStructure?: string;

  private pressedAt?: { x: number; y: number };

  constructor() {
    super();
    this.addEventListener('pointerdown', (event) => {
      this.pressedAt = { x: event.clientX, y: event.clientY };
    });
  }

  // ApexCharts injects its stylesheet into document.head, which does not reach into a shadow root.
  protected createRenderRoot() {
    return this;
  }

  protected render() {
    return html`<div class="apex-chart-canvas"></div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    // Lit does not re-render on re-attach, but the chart was destroyed on detach and must be rebuilt.
    if (this.hasUpdated) {
      this.requestUpdate();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.destroyChart();
  }

  protected updated() {
    if (!this.isConnected) {
      return;
    }
    if (!this.optionsJson) {
      this.destroyChart();
      return;
    }
    const options = JSON.parse(this.optionsJson) as ChartOptionsJson;
    const config = this.toApexConfig(options);
    const structure = `${structureOf(options)}|${config.chart?.height}`;
    if (this.chart && structure === this.chartStructure) {
      void this.chart.updateOptions(config, true, true);
      return;
    }
    // updateOptions deep-merges into the previous configuration and would keep options that were
    // removed, so anything beyond new data gets a fresh chart.
    this.destroyChart();
    this.chart = new ApexCharts(this.querySelector(':scope > .apex-chart-canvas'), config);
    this.chartStructure = structure;
    void this.chart.render();
  }

  private destroyChart() {
    this.chart?.destroy();
    this.chart = undefined;
    this.chartStructure = undefined;
  }

  private toApexConfig(options: ChartOptionsJson): ApexCharts.ApexOptions {
    const { yFormat, locale, ...config } = options;
    const chartType = config.chart?.type ?? 'line';
    config.chart = {
      ...config.chart,
      height: config.chart?.height ?? this.chartHeight(),
      events: this.chartEvents(chartType),
    };
    if (locale) {
      const apexLocale = apexLocaleFor(locale);
      config.chart.locales = [apexLocale];
      config.chart.defaultLocale = apexLocale.name;
    }
    if (chartType === 'heatmap') {
      // White labels vanish on the palest cells; a dark shadow keeps them readable on every shade.
      config.dataLabels = {
        ...config.dataLabels,
        dropShadow: { enabled: true, top: 1, left: 1, blur: 2, color: '#0b2545', opacity: 0.9 },
      };
    }
    if (yFormat) {
      applyValueFormat(config, chartType, valueFormatter(yFormat, locale));
    }
    return config;
  }

  /** A height given to the element (setHeight in Java) is filled; otherwise the chart brings its own. */
  private chartHeight(): string | number {
    const styledHeight = this.style.height;
    return styledHeight && styledHeight !== 'auto' ? '100%' : DEFAULT_HEIGHT;
  }

  private chartEvents(chartType: string): NonNullable<ApexChart['events']> {
    const pointsAreLines = LINE_CHART_TYPES.has(chartType);
    return {
      dataPointSelection: (_event: Event, _chart: unknown, point: { seriesIndex: number; dataPointIndex: number }) => {
        if (!pointsAreLines) {
          this.emitDataPoint(point.seriesIndex, point.dataPointIndex);
        }
      },
      click: (event: MouseEvent | TouchEvent, _chart: unknown, point: { seriesIndex: unknown; dataPointIndex: unknown }) => {
        if (pointsAreLines && !this.isDrag(event) && !isChartControl(event.target)) {
          this.emitDataPoint(point.seriesIndex, point.dataPointIndex);
        }
      },
      zoomed: (_chart: unknown, { xaxis }: XRangeEventOptions) => {
        this.emit('apex-zoom', { min: xaxis?.min ?? null, max: xaxis?.max ?? null });
      },
      selection: (_chart: unknown, { xaxis }: XRangeEventOptions) => {
        const min = xaxis?.min;
        const max = xaxis?.max;
        if (Number.isFinite(min) && Number.isFinite(max)) {
          this.emit('apex-range-selection', { min, max });
        }
      },
    };
  }

  private isDrag(event: MouseEvent | TouchEvent): boolean {
    const releasedAt = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (!this.pressedAt || !releasedAt) {
      return false;
    }
    const distance = Math.hypot(releasedAt.clientX - this.pressedAt.x, releasedAt.clientY - this.pressedAt.y);
    return distance > CLICK_TOLERANCE_PX;
  }

  private emitDataPoint(seriesIndex: unknown, dataPointIndex: unknown) {
    const series = toIndex(seriesIndex);
    const point = toIndex(dataPointIndex);
    if (series !== undefined && point !== undefined) {
      this.emit('apex-data-point-selection', { seriesIndex: series, dataPointIndex: point });
    }
  }

  private emit(type: string, detail: object) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** The options without their data, to tell a data refresh from a change of the chart itself. */
function structureOf(options: ChartOptionsJson): string {
  return JSON.stringify({
    ...options,
    series: undefined,
    labels: undefined,
    xaxis: { ...options.xaxis, categories: undefined },
  });
}

/** ApexCharts reports indices as numbers, attribute strings or null, and -1 or NaN when nothing is hit. */
function toIndex(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const index = Number(value);
  return Number.isInteger(index) && index >= 0 ? index : undefined;
}

function isChartControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.apexcharts-legend, .apexcharts-toolbar, .apexcharts-menu') !== null;
}

/**
 * Month and day names for datetime axes from the browser's Intl data, so every locale works
 * without bundling ApexCharts' locale files.
 */
function apexLocaleFor(locale: string): ApexLocale {
  const names = (options: Intl.DateTimeFormatOptions, dates: number[]) => {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return dates.map((date) => format.format(date));
  };
  const months = Array.from({ length: 12 }, (_, month) => Date.UTC(2000, month, 1));
  // 2 January 2000 was a Sunday, the first day in ApexCharts' day lists.
  const days = Array.from({ length: 7 }, (_, day) => Date.UTC(2000, 0, 2 + day));
  return {
    name: locale.toLowerCase(),
    options: {
      months: names({ month: 'long' }, months),
      shortMonths: names({ month: 'short' }, months),
      days: names({ weekday: 'long' }, days),
      shortDays: names({ weekday: 'short' }, days),
    },
  };
}

function valueFormatter(preset: string, locale: string | undefined): ValueFormatter {
  const numberFormat = new Intl.NumberFormat(locale, numberFormatOptions(preset));
  const format = (value: unknown): string => {
    if (typeof value === 'number') {
      return Number.isFinite(value) ? numberFormat.format(value) : '';
    }
    if (Array.isArray(value)) {
      return value.map(format).join(' – ');
    }
    return value === null || value === undefined ? '' : String(value);
  };
  return format;
}

function numberFormatOptions(preset: string): Intl.NumberFormatOptions {
  const [kind, currency] = preset.split(':');
  switch (kind) {
    case 'number':
      return { maximumFractionDigits: 2 };
    case 'integer':
      return { maximumFractionDigits: 0 };
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'compact':
      // Four significant digits at most, so 6,122.3 reads 6122 rather than 6122.3 in languages whose compact
      // steps are 10,000 apart, such as Chinese; 1.3万 and 6.1K keep their one decimal.
      return { notation: 'compact', maximumFractionDigits: 1, maximumSignificantDigits: 4,
        roundingPriority: 'lessPrecision' } as Intl.NumberFormatOptions;
    case 'currency':
      return { style: 'currency', currency };
    default:
      throw new Error(`apex-chart: unknown yFormat "${preset}"`);
  }
}

/** Puts the formatter wherever the chart type shows values. */
function applyValueFormat(config: ApexCharts.ApexOptions, chartType: string, format: ValueFormatter) {
  config.tooltip = { ...config.tooltip, y: { formatter: format } };
  if (chartType === 'donut' || chartType === 'pie') {
    // Slice labels show shares of the whole; only the amounts in the donut's centre take the preset.
    const pie = config.plotOptions?.pie;
    const labels = pie?.donut?.labels;
    config.plotOptions = {
      ...config.plotOptions,
      pie: {
        ...pie,
        donut: {
          ...pie?.donut,
          labels: {
            ...labels,
            value: { ...labels?.value, formatter: (value: string) => format(Number(value)) },
            total: {
              ...labels?.total,
              formatter: (w: { globals: { seriesTotals: number[] } }) =>
                format(w.globals.seriesTotals.reduce((sum, total) => sum + total, 0)),
            },
          },
        },
      },
    };
    return;
  }
  config.dataLabels = { ...config.dataLabels, formatter: format };
  if (chartType === 'heatmap') {
    // A heatmap's y-axis lists the row names, not values.
    return;
  }
  if (config.plotOptions?.bar?.horizontal) {
    // Horizontal bars put the values on the x-axis and the categories on the y-axis.
    config.xaxis = { ...config.xaxis, labels: { ...config.xaxis?.labels, formatter: format } };
    return;
  }
  const withFormatter = (axis: ApexYAxis): ApexYAxis => ({ ...axis, labels: { ...axis.labels, formatter: format } });
  config.yaxis = Array.isArray(config.yaxis) ? config.yaxis.map(withFormatter) : withFormatter(config.yaxis ?? {});
}

declare global {
  interface HTMLElementTagNameMap {
    'apex-chart': ApexChartElement;
  }
}
