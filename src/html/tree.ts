/**
 * A parsed page flattened into arrays: every element in document order with its parent and the
 * end of its subtree. Everything in `src/html` walks these arrays or an explicit stack, never
 * the tree by recursion, so a page nested 50,000 deep costs what a flat one does.
 */
import type { AnyNode, ChildNode, Element } from 'domhandler';

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export interface Tree {
  /** Elements in document order (pre-order). */
  els: Element[];
  index: Map<Element, number>;
  /** Index of the parent element; -1 at the top. */
  parent: Int32Array;
  /** One past the last descendant: the descendants of i are i+1 … end[i]-1. */
  end: Int32Array;
}

export function buildTree(roots: readonly ChildNode[]): Tree {
  const els: Element[] = [];
  const parents: number[] = [];
  const stack: ChildNode[] = [];
  const stackParent: number[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i]!);
    stackParent.push(-1);
  }
  while (stack.length) {
    const n = stack.pop()!;
    const p = stackParent.pop()!;
    if (!isElement(n)) continue;
    const i = els.length;
    els.push(n);
    parents.push(p);
    for (let c = n.children.length - 1; c >= 0; c--) {
      stack.push(n.children[c]!);
      stackParent.push(i);
    }
  }
  const parent = Int32Array.from(parents);
  const end = new Int32Array(els.length);
  const size = new Int32Array(els.length).fill(1);
  for (let i = els.length - 1; i >= 0; i--) {
    end[i] = i + size[i]!;
    const p = parent[i]!;
    if (p >= 0) size[p] = size[p]! + size[i]!;
  }
  const index = new Map<Element, number>();
  els.forEach((e, i) => index.set(e, i));
  return { els, index, parent, end };
}

/** All the text under `e`, in order (entities already decoded by the parser). */
export function textContent(e: Element): string {
  const out: string[] = [];
  const stack: ChildNode[] = [];
  for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data);
    else if (isElement(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.join('');
}
