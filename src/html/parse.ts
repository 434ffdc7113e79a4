/**
 * htmlparser2, with its stack of open elements kept in O(1) per tag. The parser keeps that stack
 * top-first and opens every element with `Array#unshift`, which moves the whole stack: a page
 * nested 50,000 deep took seconds (quadratic) before a single node was built. Here the stack is
 * an array kept bottom-first behind the interface the parser uses (`[0]` is the top, `shift`,
 * `unshift`, `indexOf`, `length`). Should a later htmlparser2 keep its stack differently, the
 * stock one stays in place: correct, only slow on absurd nesting.
 */
import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import type { Document } from 'domhandler';

// Loaded on the first page parsed (its CommonJS build, which loads synchronously): a run without
// HTML never loads htmlparser2 and the four packages it brings (about 30 modules).
let lib: typeof Htmlparser2 | undefined;
const htmlparser2 = () => (lib ??= createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2);

export function parseHtml(html: string): Document {
  const { DomHandler, Parser } = htmlparser2();
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const handler = new DomHandler();
  const parser = new Parser(handler, options);
  const internal = parser as unknown as { stack?: unknown };
  if (Array.isArray(internal.stack) && internal.stack.length === 0) internal.stack = new TopFirstStack();
  parser.end(html);
  return handler.root;
}

/**
 * The parser's stack, top first, on an array kept bottom first. The parser reads only the top
 * (`[0]`) while parsing; at the end it closes what is still open by index, and the DOM handler
 * closes its own innermost element whatever name it is given, so only `[0]` is served.
 */
class TopFirstStack {
  private readonly items: string[] = [];
  get length(): number {
    return this.items.length;
  }
  set length(n: number) {
    this.items.length = n;
  }
  get 0(): string | undefined {
    return this.items[this.items.length - 1];
  }
  shift(): string | undefined {
    return this.items.pop();
  }
  unshift(name: string): number {
    return this.items.push(name);
  }
  indexOf(name: string): number {
    const i = this.items.lastIndexOf(name);
    return i < 0 ? -1 : this.items.length - 1 - i;
  }
}
