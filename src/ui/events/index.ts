// The events panel: `kubectl get events` as a filterable table.
export { EventsPanel } from './EventsPanel';
export { eventRows, eventRow, eventsFor, humanDuration } from './rows';
export type { EventRow, EventFilter } from './rows';
