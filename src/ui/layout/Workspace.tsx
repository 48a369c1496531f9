import { useEffect, useState, type CSSProperties } from 'react';
import { ClusterMap } from '../map';
import { setUi, useSandbox } from '../store';
import { Terminal } from '../terminal';
import { Notice } from './Notice';
import { SidePanel } from './SidePanel';
import { Splitter } from './Splitter';

function useViewport(): { w: number; h: number } {
  const [size, setSize] = useState({ w: window.innerWidth, h: window.innerHeight });
  useEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/**
 * Workspace is the resizable grid: cluster map centre, terminal below it, side panel (inspector,
 * editor, events) on the right. Sizes come from the persisted layout, so the first paint is final.
 */
export function Workspace() {
  const layout = useSandbox((s) => s.layout);
  const { w, h } = useViewport();
  const maxRight = Math.max(280, w - 360);
  const maxTerminal = Math.max(160, h - 200);
  const right = Math.min(layout.rightWidth, maxRight);
  const terminal = Math.min(layout.terminalHeight, maxTerminal);
  const style = {
    '--right-width': `${right}px`,
    '--terminal-height': `${terminal}px`,
  } as CSSProperties;
  return (
    <main className="workspace" style={style}>
      <Notice />
      <section className="map-panel" aria-label="Cluster map" data-region="map"><ClusterMap /></section>
      <Splitter orientation="horizontal" label="Resize terminal" value={terminal} min={120} max={maxTerminal} invert
        onChange={(v) => setUi({ layout: { ...layout, terminalHeight: v } })} />
      <section className="terminal-panel" aria-label="Terminal panel" data-region="terminal"><Terminal /></section>
      <Splitter orientation="vertical" label="Resize side panel" value={right} min={260} max={maxRight} invert
        onChange={(v) => setUi({ layout: { ...layout, rightWidth: v } })} />
      <SidePanel />
    </main>
  );
}
