import { useRef } from 'react';

/** SplitterProps: which way it drags, the size it controls, and the bounds. */
export interface SplitterProps {
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** invert makes dragging left/up grow the panel (panels on the right or bottom). */
  invert?: boolean;
  onChange(value: number): void;
}

/** Splitter is a drag handle between two grid panels (pointer and arrow keys), exposed as an ARIA separator. */
export function Splitter({ orientation, label, value, min, max, invert, onChange }: SplitterProps) {
  const start = useRef<{ pos: number; value: number } | undefined>(undefined);
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)));
  const coord = (e: { clientX: number; clientY: number }) => (orientation === 'vertical' ? e.clientX : e.clientY);
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); start.current = { pos: coord(e), value }; }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const delta = coord(e) - start.current.pos;
        onChange(clamp(start.current.value + (invert ? -delta : delta)));
      }}
      onPointerUp={() => { start.current = undefined; }}
      onPointerCancel={() => { start.current = undefined; }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        const grow = orientation === 'vertical' ? (invert ? 'ArrowLeft' : 'ArrowRight') : (invert ? 'ArrowUp' : 'ArrowDown');
        const shrink = orientation === 'vertical' ? (invert ? 'ArrowRight' : 'ArrowLeft') : (invert ? 'ArrowDown' : 'ArrowUp');
        if (e.key === grow) { onChange(clamp(value + step)); e.preventDefault(); }
        else if (e.key === shrink) { onChange(clamp(value - step)); e.preventDefault(); }
      }}
    />
  );
}
