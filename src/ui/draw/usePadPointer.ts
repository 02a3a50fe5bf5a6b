// Mouse, touch and pen on the drawing pad through Pointer Events: one pointer draws at a time (a
// second finger or a palm is ignored), captured so a stroke that leaves the pad still ends on it;
// the canvas has `touch-action: none`, so a finger draws instead of scrolling the page.
import { useRef, type PointerEvent } from 'react';
import { padContext, padPoint, penDown, penMove, type PadPoint } from './padStrokes';

export interface StrokeEnd {
  readonly canvas: HTMLCanvasElement;
  /** When the pointer lifted (the event's time, on performance.now()'s clock). */
  readonly at: number;
}

export function usePadPointer(onStrokeEnd: (end: StrokeEnd) => void) {
  const stroke = useRef<{ pointerId: number; last: PadPoint } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (stroke.current || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const canvas = event.currentTarget;
    const ctx = padContext(canvas);
    if (!ctx) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const at = padPoint(canvas, event.clientX, event.clientY);
    penDown(ctx, at);
    stroke.current = { pointerId: event.pointerId, last: at };
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const canvas = event.currentTarget;
    const ctx = padContext(canvas);
    if (!ctx) return;
    // Every position since the last event (a fast stroke moves further than one event a frame shows).
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const points = (events.length > 0 ? events : [event]).map((e) => padPoint(canvas, e.clientX, e.clientY));
    penMove(ctx, current.last, points);
    current.last = points[points.length - 1]!;
  };

  // A cancelled stroke (the browser took the touch after all) keeps its ink: it is read all the
  // same. Capture lost without either (the pointer gone some other way) ends it too, so the pad
  // never waits for a pointer that will not come back.
  const onPointerEnd = (event: PointerEvent<HTMLCanvasElement>) => {
    if (stroke.current?.pointerId !== event.pointerId) return;
    stroke.current = null;
    onStrokeEnd({ canvas: event.currentTarget, at: event.timeStamp });
  };

  return { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd, onLostPointerCapture: onPointerEnd };
}
