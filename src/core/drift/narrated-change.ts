import type { DriftKind, DriftSeverity } from './drift-change.js';

/** The endpoint a drift was seen on, as the narrator and the log name it. */
export interface DriftEndpoint {
  method: string;
  template: string;
  /** Response status the schema belongs to; absent for request bodies. */
  status?: number;
  /** Which body drifted (default `response`): impacts differ for requests. */
  target?: 'request' | 'response';
}

/** One change in plain English. */
export interface NarratedChange {
  label: DriftSeverity;
  /** What happened, e.g. "`user_id` was REMOVED from the response". */
  headline: string;
  /** What the field relates to (fieldContext), when its name says so. */
  context?: string;
  /** What breaks, or why it is safe. */
  impact: string;
  /** What to do about it. */
  action: string;
  path: string;
  kind: DriftKind;
}

/** A drift report: the full text and the same content as items. */
export interface DriftNarration {
  text: string;
  items: NarratedChange[];
}
