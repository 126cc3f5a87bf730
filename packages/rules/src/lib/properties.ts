import type { Instruction, Source, TextRange } from '@dockfix/core';

/** One `KEY=value` (or legacy `KEY value`) of an ENV, ARG or LABEL, with offsets. */
export interface KeyValue {
  readonly name: string;
  readonly nameRange: TextRange;
  /** The value with quotes and escapes removed; null when there is none (`ARG TOKEN`). */
  readonly value: string | null;
  readonly valueRange: TextRange | null;
  /** The `=` between name and value as written; null in the legacy `KEY value` form and for a name alone. */
  readonly operator: string | null;
}

interface AstProperty {
  getName(): string;
  getNameRange(): Parameters<Source['toRange']>[0];
  getValue(): string | null;
  getValueRange(): Parameters<Source['toRange']>[0] | null;
  getAssignmentOperator(): string | null;
}

/**
 * The key/value pairs of an ENV, ARG or LABEL instruction, as the Dockerfile parser splits them. A dozen
 * rules ask this of the same instructions, and dockerfile-ast splits the properties anew on each
 * `getProperties()`: the answer is kept per instruction (the source is the instruction's own).
 */
export function keyValues(source: Source, instruction: Instruction): readonly KeyValue[] {
  let pairs = keyValues_.get(instruction);
  if (!pairs) keyValues_.set(instruction, (pairs = readKeyValues(source, instruction)));
  return pairs;
}

const keyValues_ = new WeakMap<Instruction, readonly KeyValue[]>();

function readKeyValues(source: Source, instruction: Instruction): KeyValue[] {
  const node = instruction.node as unknown as { getProperties?: () => AstProperty[]; getProperty?: () => AstProperty | null };
  const properties = node.getProperties?.() ?? (node.getProperty ? [node.getProperty()].filter((p): p is AstProperty => p !== null) : []);
  return properties.map((property) => {
    const valueRange = property.getValueRange();
    return {
      name: property.getName(),
      nameRange: source.toRange(property.getNameRange()),
      value: property.getValue(),
      valueRange: valueRange ? source.toRange(valueRange) : null,
      operator: property.getAssignmentOperator(),
    };
  });
}
