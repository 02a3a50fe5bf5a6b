import { useLayoutEffect, useRef, useState } from 'react';
import { paintQueue } from '../../render/paintQueue';
import { pageTheme, type ChartTheme, type FigureTarget } from '../../render/statsCharts';
import { useElementWidth } from '../common/useElementWidth';

/** A figure drawn on canvas: how tall it is at a width, and how to draw it (returning its click targets). */
export interface FigureDrawing {
  /** What the figure shows, for people who cannot see it (its numbers are in the table). */
  readonly description: string;
  readonly height: (width: number) => number;
  readonly draw: (ctx: CanvasRenderingContext2D, width: number, height: number, theme: ChartTheme) => readonly FigureTarget[];
}

/**
 * Draws a figure at the width it is given (sharp at any device pixel ratio) and lays a real
 * button over each clickable part, so a bar or an average is reached by Tab and named for a
 * screen reader, not only hit by a mouse. Only a figure drawn `now` is drawn before the view's
 * first paint; the others (below it) are drawn in the next few tasks, their space held.
 */
export function FigureCanvas({ drawing, now }: { drawing: FigureDrawing; now: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const height = width > 0 ? drawing.height(width) : 0;
  const [targets, setTargets] = useState<readonly FigureTarget[]>([]);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element || width === 0) return;
    paintQueue.paint(
      element,
      () => {
        const ratio = window.devicePixelRatio || 1;
        element.width = Math.round(width * ratio);
        element.height = Math.round(height * ratio);
        const ctx = element.getContext('2d');
        if (!ctx) return;
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        const theme = pageTheme(element);
        ctx.fillStyle = theme.background;
        ctx.fillRect(0, 0, width, height);
        setTargets(drawing.draw(ctx, width, height, theme));
      },
      now,
    );
    return () => paintQueue.cancel(element);
  }, [drawing, width, height, now]);

  return (
    <div ref={box} className="figure-canvas" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={drawing.description} style={{ width, height }} />
      {targets.map((t) => (
        <button
          key={t.key}
          type="button"
          className="figure-target"
          style={{ left: t.x, top: t.y, width: t.width, height: t.height }}
          aria-label={t.name}
          title={t.name}
          aria-pressed={t.pressed}
          onClick={t.onActivate}
        />
      ))}
    </div>
  );
}
