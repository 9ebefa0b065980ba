import { enumValues } from '../schema/enum-rule.js';
import { formatOf, kindsOf } from '../schema/schema-read.js';
import type { JsonKind, SchemaNode, StringFormat } from '../schema/schema-node.js';
import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { joinPath } from './join-path.js';

/** Where a value sits: its JSONPath and the property name it is reported under. */
export interface Place {
  path: string;
  field: string;
}

/** What detection asks of a schema node, derived once per walk. */
interface NodeFacts {
  kinds: JsonKind[];
  /** Learned kinds with `null` when nullable: `string | null`. */
  described: string;
  enumValues: readonly (string | number)[] | undefined;
  format: StringFormat | undefined;
  /** Own property keys (Object.keys of a null-prototype dictionary is slow to repeat). */
  propertyKeys: string[];
  /** Places of properties (and of new keys found in bodies), by key. */
  propertyPlaces: Map<string, Place>;
  /** Place of array elements (`[*]`) or collapsed-map values (`.*`), once needed. */
  itemPlace?: Place;
  valuePlace?: Place;
}

const RANK: Readonly<Record<DriftSeverity, number>> = { BREAKING: 0, WARNING: 1, INFO: 2 };

/**
 * The state of one detectDrift call: the visit budget, the changes found (one per kind and
 * path; when full, a more severe change evicts a milder one) and a cache of node facts.
 * Array elements revisit the same nodes thousands of times, and enum and format reads
 * are not free, so each node is read once. A schema is a tree, so a node has one place.
 */
export class DriftWalk {
  private budget: number;
  private readonly found = new Map<string, DriftChange>();
  private readonly facts = new Map<SchemaNode, NodeFacts>();

  constructor(
    readonly minSamples: number,
    readonly maxArrayItems: number,
    private readonly maxChanges: number,
    maxValues: number,
  ) {
    this.budget = maxValues;
  }

  /** Spends one unit of the visit budget; false once it is exhausted. */
  spend(): boolean {
    this.budget--;
    return this.budget >= 0;
  }

  get exhausted(): boolean {
    return this.budget <= 0;
  }

  /** Whether a change of this kind is already recorded at this path. */
  isKnown(kind: DriftKind, path: string): boolean {
    return this.found.has(`${kind} ${path}`);
  }

  /** Records a change unless the list is full of changes at least as severe. */
  record(change: DriftChange): void {
    if (this.found.size >= this.maxChanges && !this.evictMilderThan(change.severity)) return;
    this.found.set(`${change.kind} ${change.path}`, change);
  }

  /** The recorded changes, most severe first, then by path and kind. */
  changes(): DriftChange[] {
    return [...this.found.values()].sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  }

  factsOf(node: SchemaNode): NodeFacts {
    let facts = this.facts.get(node);
    if (facts === undefined) {
      const kinds = kindsOf(node);
      facts = {
        kinds,
        described: (node.nullCount > 0 ? [...kinds, 'null'] : kinds).join(' | '),
        enumValues: enumValues(node),
        format: formatOf(node),
        propertyKeys: node.properties ? Object.keys(node.properties) : [],
        propertyPlaces: new Map(),
      };
      this.facts.set(node, facts);
    }
    return facts;
  }

  /** The place of the property `key` of `node` (at `place`). */
  propertyPlace(node: SchemaNode, place: Place, key: string): Place {
    const places = this.factsOf(node).propertyPlaces;
    let child = places.get(key);
    if (child === undefined) {
      child = { path: joinPath(place.path, key), field: key };
      places.set(key, child);
    }
    return child;
  }

  /** The place shared by all elements of the arrays at `node`: `path[*]`. */
  itemPlace(node: SchemaNode, place: Place): Place {
    const facts = this.factsOf(node);
    return (facts.itemPlace ??= { path: `${place.path}[*]`, field: place.field });
  }

  /** The place shared by all values of the collapsed map at `node`: `path.*`. */
  valuePlace(node: SchemaNode, place: Place): Place {
    const facts = this.factsOf(node);
    return (facts.valuePlace ??= { path: `${place.path}.*`, field: place.field });
  }

  private evictMilderThan(severity: DriftSeverity): boolean {
    let mildest: [string, DriftChange] | undefined;
    for (const entry of this.found) {
      if (mildest === undefined || RANK[entry[1].severity] >= RANK[mildest[1].severity]) {
        mildest = entry;
      }
    }
    if (mildest === undefined || RANK[mildest[1].severity] <= RANK[severity]) return false;
    this.found.delete(mildest[0]);
    return true;
  }
}
