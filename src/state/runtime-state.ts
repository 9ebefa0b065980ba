import { EventEmitter } from 'node:events';

export type Mode = 'proxy' | 'mock';

/** A validated target. `basePath` has no trailing slash ('' for none). */
export interface Target {
  url: string;
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  basePath: string;
  /** host[:port] as sent in the Host header. */
  authority: string;
}

export interface RuntimeSnapshot {
  target: Target | undefined;
  mode: Mode;
  learning: boolean;
}

interface RuntimeEvents {
  change: [RuntimeSnapshot, keyof RuntimeSnapshot];
}

/**
 * The mutable runtime settings (target, mode, learning) the proxy reads on every request.
 * Plain fields for a cheap hot-path read; admin routes change them through the setters,
 * which notify listeners (persistence, live stream, other instances).
 */
export class RuntimeState extends EventEmitter<RuntimeEvents> {
  target: Target | undefined;
  mode: Mode;
  learning: boolean;

  constructor(initial: RuntimeSnapshot) {
    super();
    this.target = initial.target;
    this.mode = initial.mode;
    this.learning = initial.learning;
  }

  snapshot(): RuntimeSnapshot {
    return { target: this.target, mode: this.mode, learning: this.learning };
  }

  setTarget(target: Target | undefined): void {
    this.target = target;
    this.emit('change', this.snapshot(), 'target');
  }

  setMode(mode: Mode): void {
    this.mode = mode;
    this.emit('change', this.snapshot(), 'mode');
  }

  setLearning(learning: boolean): void {
    this.learning = learning;
    this.emit('change', this.snapshot(), 'learning');
  }
}
