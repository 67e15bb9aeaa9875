import { LitElement, html, css, nothing, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
// Plain Vite gives a string here; Vaadin's Vite config turns `*.css?inline` into a Lit CSSResult.
// unsafeCSS accepts either, so the component works in both.
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';

export interface TimeSeriesLine {
  label: string;
  color: string;
  /** Drawn dashed: a reference (such as an ideal) rather than a measurement. */
  dash?: boolean;
  /** Each point marked: few points that each stand for a measurement. */
  points?: boolean;
  /** Points only, no line between them: separate events (traces) rather than a measurement over time. */
  scatter?: boolean;
  /** Line width in CSS pixels (1.5 unless set): thin for a band's bounds. */
  width?: number;
}

export interface TimeSeriesConfig {
  title: string;
  unit: string;
  series: TimeSeriesLine[];
  /** Columnar, as uPlot expects: unix seconds first, then one column per series; null is a gap. */
  data: (number | null)[][];
  /** A numeric x axis (such as instances), from zero, in place of time; no zoom, no shared cursor. */
  x?: { label: string; unit: string };
  /** Where the time axis starts when that is before the first point (unix seconds). */
  start?: number;
  /** Where the time axis ends when that is past the last point (unix seconds). */
  end?: number;
  /** What clicking a point does, shown on hover beside the zoom hint (set where a page listens for point-click). */
  clickHint?: string;
  /** Shaded areas between two series (uPlot numbering: 1 is the first series), such as a forecast's band. */
  bands?: { series: [number, number]; fill: string }[];
}

/** An event on the time axis: a line, or a band to `end` (to the right edge when `open`). */
export interface TimeSeriesMarker {
  at: number;
  end?: number;
  open: boolean;
  color: string;
  text: string;
  /** Where clicking the mark leads (a route of the app), such as the evaluation that explains a scale. */
  link?: string;
}

/** How close (CSS pixels) the pointer must be to a mark's line for a click to open the mark. */
const MARK_REACH_PX = 6;

/** A drag narrower than this is a click that wobbled, not a zoom. */
const MIN_DRAG_PX = 5;

/** Every chart on a page joins this group, so hovering one shows the same instant on all. */
const SYNC_KEY = 'headroom';

/** A uPlot time-series chart driven by one `config` property (set from TimeSeriesChart.java). */
export class HeadroomTimeseries extends LitElement {
  static properties = {
    config: { attribute: false },
    markers: { attribute: false },
    height: { type: Number },
    empty: { state: true },
  };

  static styles = [
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .title {
        font-weight: 600;
        font-size: var(--lumo-font-size-m, 1rem);
        margin-bottom: var(--lumo-space-xs, 0.25rem);
      }
      .uplot {
        font-family: inherit;
        width: 100%;
      }
      .u-legend {
        font-size: var(--lumo-font-size-s, 0.875rem);
        color: var(--lumo-secondary-text-color, inherit);
      }
      .empty {
        display: flex;
        align-items: center;
        justify-content: center;
        box-sizing: border-box;
        border: 1px dashed var(--lumo-contrast-20pct, rgba(127, 127, 127, 0.4));
        border-radius: var(--lumo-border-radius-m, 4px);
        color: var(--lumo-secondary-text-color, rgba(127, 127, 127, 1));
      }
    `,
  ];

  declare config: TimeSeriesConfig | undefined;
  declare markers: TimeSeriesMarker[] | undefined;
  /** Height of the plot area in CSS pixels; the legend sits below it. */
  declare height: number;
  declare empty: boolean;

  private plot?: uPlot;
  private layout?: string;
  private width = 0;
  private frame = 0;
  private readonly resizer = new ResizeObserver((entries) => {
    const width = Math.floor(entries[entries.length - 1].contentRect.width);
    // Only width matters: reacting to height would loop, as the legend changes our height.
    if (width === this.width) return;
    this.width = width;
    // Drawing inside the observer callback changes our height in the same frame, which the browser
    // reports as a "ResizeObserver loop" error; the next frame is soon enough.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      if (this.width === 0) return; // hidden, e.g. in an inactive tab: keep the chart as it was
      if (this.plot) this.plot.setSize({ width: this.width, height: this.height });
      else this.sync();
    });
  });

  constructor() {
    super();
    this.height = 220;
    this.empty = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizer.observe(this);
    // Re-attached after a move (Vaadin detaches and re-attaches elements): rebuild what disconnect tore down.
    if (this.hasUpdated) this.sync();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer.disconnect();
    cancelAnimationFrame(this.frame);
    this.width = 0;
    // Destroying also leaves the cursor sync group, which would otherwise keep this chart alive.
    this.destroyPlot();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('config')) this.empty = isEmpty(this.config);
  }

  protected render() {
    const title = this.config?.title;
    return html`
      ${title ? html`<div class="title" part="title">${title}</div>` : nothing}
      <div class="plot"></div>
      ${this.empty
        ? html`<div class="empty" style="height: ${this.height}px">No data in this window</div>`
        : nothing}
    `;
  }

  protected updated(changed: PropertyValues<this>) {
    if (changed.has('config') || changed.has('height')) this.sync();
    else if (changed.has('markers')) this.plot?.redraw(false, false);
  }

  /** Brings the uPlot instance in line with `config`: update in place when possible, else rebuild. */
  private sync() {
    const config = this.config;
    if (!config || this.empty) {
      this.destroyPlot();
      if (config) this.setAttribute('data-empty', 'true');
      else this.removeAttribute('data-empty');
      return;
    }
    this.removeAttribute('data-empty');
    if (!this.isConnected || this.width === 0) return; // the ResizeObserver calls back once laid out

    const data = config.data as uPlot.AlignedData;
    const layout = JSON.stringify([config.unit, config.series, config.bands ?? []]);
    if (this.plot && layout === this.layout) {
      if (this.plot.height !== this.height) this.plot.setSize({ width: this.width, height: this.height });
      this.plot.setData(data);
      return;
    }
    this.destroyPlot();
    this.layout = layout;
    const container = this.renderRoot.querySelector('.plot') as HTMLElement;
    this.plot = new uPlot(this.options(config), data, container);
    this.plot.over.addEventListener('click', (event) => this.pointClicked(event));
    this.plot.over.addEventListener('mousemove', (event) => this.pointerMoved(event));
    this.pointerMoved();
  }

  private destroyPlot() {
    this.plot?.destroy();
    this.plot = undefined;
    this.layout = undefined;
    this.removeAttribute('data-rendered');
  }

  /** Set when a drag ends, so the click that follows the mouse-up is not taken for a click on a point. */
  private selected = false;

  /**
   * The linked mark whose line is under the pointer, if any. The pointer's place comes from the
   * event, not uPlot's cursor: that is unset in a plot rebuilt under a still pointer (a refresh
   * that changes the series), and a click there would miss the mark it is on.
   */
  private markUnderPointer(event: MouseEvent): TimeSeriesMarker | undefined {
    const plot = this.plot;
    if (plot == null) return undefined;
    const left = event.clientX - plot.over.getBoundingClientRect().left;
    if (left < 0) return undefined;
    let nearest: TimeSeriesMarker | undefined;
    let distance = MARK_REACH_PX;
    for (const marker of this.markers ?? []) {
      if (!marker.link) continue;
      const away = Math.abs(plot.valToPos(marker.at, 'x') - left);
      if (away <= distance) {
        nearest = marker;
        distance = away;
      }
    }
    return nearest;
  }

  /** Over a linked mark the pointer says it can be opened; elsewhere the plot's own hints apply. */
  private pointerMoved(event?: MouseEvent) {
    const plot = this.plot;
    if (plot == null) return;
    const mark = event ? this.markUnderPointer(event) : undefined;
    plot.over.style.cursor = mark ? 'pointer' : '';
    plot.over.title = mark
      ? `${mark.text}: click to open`
      : this.config?.clickHint
        ? `${this.config.clickHint}; drag across the chart to zoom in`
        : 'Drag across the chart to zoom in';
  }

  private pointClicked(event: MouseEvent) {
    if (this.selected) {
      this.selected = false;
      return;
    }
    const mark = this.markUnderPointer(event);
    if (mark) {
      this.dispatchEvent(new CustomEvent('marker-click', { detail: { link: mark.link }, bubbles: true, composed: true }));
      return;
    }
    const plot = this.plot;
    const idx = plot?.cursor.idx;
    if (plot == null || idx == null) return;
    const time = plot.data[0][idx];
    // The index names the point itself where several share an instant (a scatter of traces).
    this.dispatchEvent(new CustomEvent('point-click', { detail: { time, index: idx }, bubbles: true, composed: true }));
  }

  /**
   * A drag across the plot asks the page for that range (`range-select`, unix seconds); the page
   * puts it in its URL and reloads every chart, so the selection box itself is cleared at once.
   */
  private rangeSelected(u: uPlot) {
    const { left, width } = u.select;
    if (width < MIN_DRAG_PX) return;
    this.selected = true;
    const from = u.posToVal(left, 'x');
    const to = u.posToVal(left + width, 'x');
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.dispatchEvent(new CustomEvent('range-select', { detail: { from, to }, bubbles: true, composed: true }));
  }

  /**
   * Marks events over the plot: a dashed line at each instant, a translucent band over each
   * lasting one, and the event's text along the top. `data-annotations` counts those in view.
   */
  private drawMarkers(u: uPlot, textColor: string, family: string) {
    const markers = this.markers ?? [];
    const { left, top, width, height } = u.bbox;
    const ctx = u.ctx;
    const [min, max] = [u.scales.x.min ?? 0, u.scales.x.max ?? 0];
    let shown = 0;
    const rowEnds = [-Infinity, -Infinity];
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    // The canvas is in device pixels, so the label's size is scaled the way uPlot scales its axes.
    ctx.font = `${Math.round(12 * devicePixelRatio)}px ${family}`;
    ctx.textBaseline = 'top';
    for (const marker of markers) {
      const end = marker.open ? max : (marker.end ?? marker.at);
      if (end < min || marker.at > max) continue;
      shown++;
      const x0 = u.valToPos(Math.max(marker.at, min), 'x', true);
      const x1 = u.valToPos(Math.min(end, max), 'x', true);
      ctx.globalAlpha = 0.14;
      ctx.fillStyle = marker.color;
      if (x1 - x0 >= 1) ctx.fillRect(x0, top, x1 - x0, height);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = marker.color;
      ctx.lineWidth = devicePixelRatio;
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(x0, top);
      ctx.lineTo(x0, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
      // A label goes right of its line (left of it at the right edge), on the first of two rows
      // where it overlaps no other label; when neither row has room it is left out, and the
      // event list under the charts still names the event.
      const pad = 4 * devicePixelRatio;
      const labelWidth = ctx.measureText(marker.text).width;
      const x = x0 + pad + labelWidth > left + width ? x0 - pad - labelWidth : x0 + pad;
      const row = rowEnds.findIndex((rowEnd) => x > rowEnd + pad);
      if (row >= 0) {
        rowEnds[row] = x + labelWidth;
        ctx.fillStyle = textColor;
        ctx.fillText(marker.text, x, top + 2 * devicePixelRatio + row * 15 * devicePixelRatio);
      }
    }
    ctx.restore();
    this.setAttribute('data-annotations', String(shown));
  }

  private options(config: TimeSeriesConfig): uPlot.Options {
    // Canvas cannot read CSS variables, so resolve the theme's colours once per build.
    const style = getComputedStyle(this);
    const themed = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = themed('--lumo-secondary-text-color', 'rgba(128, 128, 128, 1)');
    const grid = themed('--lumo-contrast-10pct', 'rgba(128, 128, 128, 0.2)');
    const font = `12px ${style.fontFamily || 'system-ui, sans-serif'}`;
    const unit = config.unit;
    const axis: uPlot.Axis = {
      stroke: text,
      font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    };

    const numeric = config.x;
    const timeCursor: uPlot.Cursor = {
        sync: {
          key: SYNC_KEY,
          setSeries: false, // charts hold different series; only the instant is shared
          // Hover is shared, a drag is not: only the chart dragged across asks for the new range.
          filters: { pub: (type) => type !== 'mousedown' && type !== 'mouseup' },
        },
        y: false, // synced charts have unrelated y scales, so a horizontal hair would point at nothing
        // The page zooms (range in the URL, every chart reloaded at a finer step), not uPlot's own scale.
        drag: { x: true, y: false, setScale: false },
    };
    // Read at every redraw, so a live update's new end applies without rebuilding the plot.
    const timeScale: uPlot.Scale = {
      time: true,
      // A range's own start and end when the page gives them: the first step begins before the range does.
      range: (_u, min, max) => [this.config?.start ?? min, Math.max(max, this.config?.end ?? max)],
    };
    // Counts start at zero, where an ideal linear line starts too, and end one past the largest.
    const numericScale: uPlot.Scale = { time: false, range: (_u, _min, max) => [0, Math.max(1, max ?? 0) + 1] };

    return {
      width: this.width,
      height: this.height,
      cursor: numeric ? { y: false, drag: { x: false, y: false } } : timeCursor,
      legend: { live: true },
      bands: config.bands?.map((band) => ({ series: band.series, fill: band.fill })),
      scales: {
        x: numeric ? numericScale : timeScale,
        y: {
          // Rates, errors and latencies are read against zero; a flat series still gets a visible band.
          range: (_u, min, max) => uPlot.rangeNum(Math.min(0, min ?? 0), max > 0 ? max : 1, 0.1, true),
        },
      },
      axes: [
        // Time labels run to 8 characters (12:34:56): keep ticks far enough apart that they never touch.
        numeric
          ? {
              ...axis,
              label: numeric.label,
              labelSize: 18,
              labelFont: font,
              size: 28,
              incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
              values: (_u, splits) => splits.map((v) => String(v)),
            }
          : { ...axis, size: 32, space: 80, values: (_u, splits, _axisIdx, _space, incr) => formatTimes(splits, incr) },
        {
          ...axis,
          values: (_u, splits, _axisIdx, _space, incr) => formatAxis(splits, incr, unit),
          size: fitLabels,
        },
      ],
      // Away from the cursor the legend shows each series' latest value, so it is never a row of dashes.
      series: [
        numeric
          ? { label: numeric.label, value: (_u, v, _sidx, idx) => (idx == null ? 'largest' : formatValue(v, numeric.unit)) }
          : { label: 'Time', value: (_u, v, _sidx, idx) => (idx == null ? 'latest' : formatInstant(v)) },
        ...config.series.map(
          (line): uPlot.Series => ({
            label: line.label,
            stroke: line.color,
            width: line.width ?? 1.5,
            dash: line.dash ? [6, 4] : undefined,
            points: line.scatter
              ? { show: true, size: 8, width: 1, fill: line.color }
              : line.points
                ? { show: true, size: 7 }
                : undefined,
            paths: line.scatter ? () => null : undefined,
            value: (u, v, sidx, idx) => {
              const shown = idx == null ? latest(u.data[sidx]) : v;
              return shown == null ? '–' : formatValue(shown, unit);
            },
          }),
        ),
      ],
      hooks: {
        setSelect: [(u) => this.rangeSelected(u)],
        draw: [
          (u) => this.drawMarkers(u, text, style.fontFamily || 'system-ui, sans-serif'),
          (u) => {
            // The time axis as drawn, for tests and for anyone checking what a zoom showed (a numeric axis has no range to report).
            if (!numeric) {
              this.setAttribute('data-from', String(Math.round(u.scales.x.min ?? 0)));
              this.setAttribute('data-to', String(Math.round(u.scales.x.max ?? 0)));
            }
            this.setAttribute('data-rendered', 'true');
          },
        ],
      },
    };
  }
}

function isEmpty(config: TimeSeriesConfig | undefined): boolean {
  if (!config) return false;
  const [times, ...columns] = config.data ?? [];
  return !times?.length || !columns.some((column) => column.some((v) => v != null));
}

function latest(column: ArrayLike<number | null | undefined>): number | null {
  for (let i = column.length - 1; i >= 0; i--) {
    const v = column[i];
    if (v != null) return v;
  }
  return null;
}

const fmtSeconds = uPlot.fmtDate('{HH}:{mm}:{ss}');
const fmtMinutes = uPlot.fmtDate('{HH}:{mm}');
const fmtDay = uPlot.fmtDate('{MM}-{DD}');
const fmtFull = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');

function formatInstant(seconds: number): string {
  return fmtFull(new Date(seconds * 1000));
}

/** 24-hour clock ticks, as operators read timestamps; seconds or dates only when the spacing calls for them. */
function formatTimes(splits: number[], increment: number): string[] {
  const format = increment >= 86400 ? fmtDay : increment < 60 ? fmtSeconds : fmtMinutes;
  return splits.map((s) => format(new Date(s * 1000)));
}

interface Scale {
  divisor: number;
  suffix: string;
}

/** Picks one scale for a magnitude: ms become s past a second, other units get k/M/G prefixes. */
function scaleFor(magnitude: number, unit: string): Scale {
  if (unit === 'ms') {
    return magnitude >= 1000 ? { divisor: 1000, suffix: ' s' } : { divisor: 1, suffix: ' ms' };
  }
  if (unit === '%') return { divisor: 1, suffix: ' %' };
  const space = unit ? ` ${unit}` : '';
  for (const [divisor, prefix] of [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (magnitude >= divisor) return { divisor, suffix: `${prefix}${space}` };
  }
  return { divisor: 1, suffix: space };
}

/** Three significant digits at most, trailing zeros dropped: "250 ms", "1.23k req/s", "0.5 %". */
export function formatValue(value: number, unit: string): string {
  const { divisor, suffix } = scaleFor(Math.abs(value), unit);
  const scaled = value / divisor;
  const abs = Math.abs(scaled);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${Number(scaled.toFixed(digits))}${suffix}`;
}

/** One scale for the whole axis, with just enough decimals to tell adjacent ticks apart. */
export function formatAxis(splits: number[], increment: number, unit: string): string[] {
  const magnitude = Math.max(0, ...splits.map(Math.abs));
  const { divisor, suffix } = scaleFor(magnitude, unit);
  const step = increment / divisor;
  let digits = 0;
  while (digits < 4 && Math.abs(Math.round(step * 10 ** digits) - step * 10 ** digits) > 1e-6) digits++;
  // "0 req/s" rather than "0k req/s": zero needs no prefix.
  const zero = `0${scaleFor(0, unit).suffix}`;
  return splits.map((v) => (v === 0 ? zero : `${(v / divisor).toFixed(digits)}${suffix}`));
}

/** Widens the y axis to its longest label, since unit suffixes vary from "0 %" to "1.25k req/s". */
function fitLabels(u: uPlot, values: string[], axisIdx: number, cycleNum: number): number {
  const axis = u.axes[axisIdx];
  if (cycleNum > 1) return (axis as { _size?: number })._size ?? 50;
  let size = (axis.ticks?.size ?? 10) + (axis.gap ?? 5);
  const longest = (values ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest) {
    // uPlot keeps the resolved font as [css font, px size] although its typings say string.
    u.ctx.font = (axis.font as unknown as [string, number])[0];
    size += u.ctx.measureText(longest).width / devicePixelRatio;
  }
  return Math.ceil(size);
}

if (!customElements.get('headroom-timeseries')) {
  customElements.define('headroom-timeseries', HeadroomTimeseries);
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-timeseries': HeadroomTimeseries;
  }
}
