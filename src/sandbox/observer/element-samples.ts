/**
 * Elements a lab's goals watch (FeedWatch), sampled every 250 ms: the numeric value of a
 * <meter>, <progress> or <input> (a level meter moving), and whether a <canvas> holds an
 * image (a snapshot taken). Only changes are reported.
 */
import { NO_WATCH, type FeedWatch } from '../../lib/feed.ts';
import type { Fn, Interceptor } from './intercept.ts';

const SAMPLE_INTERVAL_MS = 250;
/** Canvases are compared scaled down to this many pixels a side: enough to tell an image from a fill. */
const SCRATCH_SIZE = 32;

export interface ElementSamples {
  /** Replaces what is sampled; sampling starts with the first selector. */
  watch(watch: FeedWatch): void;
  stop(): void;
}

export function observeElementSamples(ctx: Interceptor): ElementSamples {
  const { win, invoke, guard } = ctx;
  // Natives, so sampling runs no lab code even where lab code replaced these.
  const querySelector = ctx.nativeMethod(win.Document.prototype, 'querySelector');
  const createElement = ctx.nativeMethod(win.Document.prototype, 'createElement');
  const getContext = ctx.nativeMethod(win.HTMLCanvasElement?.prototype, 'getContext');
  const context2d = win.CanvasRenderingContext2D?.prototype;
  const clearRect = ctx.nativeMethod(context2d, 'clearRect');
  const drawImage = ctx.nativeMethod(context2d, 'drawImage');
  const getImageData = ctx.nativeMethod(context2d, 'getImageData');
  const canvasWidth = ctx.nativeGetter(win.HTMLCanvasElement?.prototype, 'width');
  const canvasHeight = ctx.nativeGetter(win.HTMLCanvasElement?.prototype, 'height');
  const valueGetters: ReadonlyArray<readonly [(abstract new () => Element) | undefined, Fn | undefined]> = [
    [win.HTMLMeterElement, ctx.nativeGetter(win.HTMLMeterElement?.prototype, 'value')],
    [win.HTMLProgressElement, ctx.nativeGetter(win.HTMLProgressElement?.prototype, 'value')],
    [win.HTMLInputElement, ctx.nativeGetter(win.HTMLInputElement?.prototype, 'value')],
  ];

  let watching: FeedWatch = NO_WATCH;
  let timer: number | undefined;
  let stopped = false;
  const lastValues = new Map<string, number>();
  const lastCanvases = new Map<string, string>();
  let scratch: CanvasRenderingContext2D | null = null;

  function find(selector: string): Element | null {
    if (!querySelector) return null;
    return invoke(querySelector, win.document, [selector]) as Element | null;
  }

  function numericValue(element: Element): number | null {
    for (const [type, getter] of valueGetters) {
      if (!type || !getter || !(element instanceof type)) continue;
      const raw = invoke(getter, element, []);
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(value) ? value : null;
    }
    return null;
  }

  function sampleValue(selector: string): void {
    const element = find(selector);
    const value = element ? numericValue(element) : null;
    if (value === null || lastValues.get(selector) === value) return;
    lastValues.set(selector, value);
    ctx.report({ type: 'element-value', element: selector, value });
  }

  function scratchContext(): CanvasRenderingContext2D | null {
    if (scratch || !createElement || !getContext) return scratch;
    const canvas = invoke(createElement, win.document, ['canvas']) as HTMLCanvasElement;
    canvas.width = SCRATCH_SIZE;
    canvas.height = SCRATCH_SIZE;
    scratch = invoke(getContext, canvas, ['2d', { willReadFrequently: true }]) as CanvasRenderingContext2D | null;
    // Averaging over the area scaled down keeps thin strokes from vanishing between samples.
    if (scratch) scratch.imageSmoothingQuality = 'high';
    return scratch;
  }

  /** True when every pixel is the same; null when the canvas cannot be read (tainted, detached). */
  function isBlank(canvas: HTMLCanvasElement): boolean | null {
    const context = scratchContext();
    if (!context || !clearRect || !drawImage || !getImageData) return null;
    invoke(clearRect, context, [0, 0, SCRATCH_SIZE, SCRATCH_SIZE]);
    invoke(drawImage, context, [canvas, 0, 0, SCRATCH_SIZE, SCRATCH_SIZE]);
    let pixels: Uint8ClampedArray;
    try {
      pixels = (invoke(getImageData, context, [0, 0, SCRATCH_SIZE, SCRATCH_SIZE]) as ImageData).data;
    } catch {
      // A cross-origin image tainted the scratch canvas for good: use a fresh one next time.
      scratch = null;
      return null;
    }
    for (let i = 4; i < pixels.length; i += 1) if (pixels[i] !== pixels[i % 4]) return false;
    return true;
  }

  function sampleCanvas(selector: string): void {
    const element = find(selector);
    if (!(element instanceof win.HTMLCanvasElement) || !canvasWidth || !canvasHeight) return;
    const width = invoke(canvasWidth, element, []) as number;
    const height = invoke(canvasHeight, element, []) as number;
    // A canvas without pixels cannot be drawn from, and holds no image.
    const blank = width === 0 || height === 0 ? true : isBlank(element);
    if (blank === null) return;
    const key = `${width}x${height} ${blank}`;
    if (lastCanvases.get(selector) === key) return;
    lastCanvases.set(selector, key);
    ctx.report({ type: 'canvas', element: selector, width, height, blank });
  }

  function sample(): void {
    for (const selector of watching.values) guard(() => sampleValue(selector));
    for (const selector of watching.canvases) guard(() => sampleCanvas(selector));
  }

  return {
    watch(next) {
      watching = { values: [...next.values], canvases: [...next.canvases] };
      if (stopped || timer !== undefined || watching.values.length + watching.canvases.length === 0) return;
      timer = ctx.timers.every(sample, SAMPLE_INTERVAL_MS);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) ctx.timers.cancelEvery(timer);
      timer = undefined;
    },
  };
}
