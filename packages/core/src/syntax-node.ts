/**
 * A syntax node of a shell body, as plain data: what shell.ts walks to find commands, whether it came
 * from tree-sitter-bash (copied out of its WebAssembly memory, see `mirror` in shell.ts) or from the
 * hand-written parser for simple bodies (shell-fast.ts), which must build the very same tree.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  /** The grammar field this node fills in its parent (`name`, `variable`, …), as an id; 0 for none. */
  readonly fieldId: number;
  readonly parent: SyntaxNode | null;
  /** Position among the parent's children. */
  readonly index: number;
  readonly children: SyntaxNode[];
}
