import type { KObject } from '../types';

/** EventType is the type field of a core/v1 Event. */
export type EventType = 'Normal' | 'Warning';

/** EventOptions are the optional parts of one recorded event. */
export interface EventOptions {
  /** fieldPath of the involved object, e.g. `spec.containers{nginx}`. */
  fieldPath?: string;
  /** component overrides the recorder's source.component for this event. */
  component?: string;
  /** host overrides the recorder's source.host for this event. */
  host?: string;
  /** action is the events.k8s.io action (e.g. `Binding`), stored as Event.action. */
  action?: string;
  /** related is a secondary object (e.g. the Node a Pod was bound to), stored as Event.related. */
  related?: KObject;
}

/**
 * EventRecorder records core/v1 Events about an object, as client-go's record.EventRecorder does
 * (aggregation of repeats into count/lastTimestamp included). Recording never throws.
 */
export interface EventRecorder {
  /** event records one event about obj. */
  event(obj: KObject, type: EventType, reason: string, message: string, opts?: EventOptions): void;
}
