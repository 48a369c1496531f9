import { Editor } from '../editor';
import { EventsPanel } from '../events';
import { Inspector } from '../inspector';
import { RolloutPanel } from '../rollout';
import { setUi, useSandbox, type RightTab } from '../store';

const TABS: Array<{ id: RightTab; label: string }> = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'editor', label: 'Editor' },
  { id: 'events', label: 'Events' },
  { id: 'rollout', label: 'Rollout' },
];

/** SidePanel is the right column: inspector, editor, events and rollout behind tabs (all stay mounted to keep their state). */
export function SidePanel() {
  const tab = useSandbox((s) => s.rightTab);
  return (
    <section className="side-panel" aria-label="Side panel" data-region="side">
      <div className="tabs" role="tablist" aria-label="Side panel tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1} onClick={() => setUi({ rightTab: t.id })}>{t.label}</button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} className="tab-panel" role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id}>
          {t.id === 'inspector' ? <Inspector /> : t.id === 'editor' ? <Editor /> : t.id === 'rollout' ? <RolloutPanel /> : <EventsPanel />}
        </div>
      ))}
    </section>
  );
}
