/**
 * Streams the lines of a byte stream without ever holding more than one line (and never a line
 * longer than `maxLine` bytes: such a line is reported by number and skipped, not buffered).
 */
export interface Line {
  number: number; // 1-based
  bytes: Buffer;
}

export interface OversizeLine {
  number: number;
  length: number; // bytes
}

export async function* readLines(
  stream: AsyncIterable<Buffer | string>, maxLine: number, onOversize: (l: OversizeLine) => void,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  let number = 1;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl);
      if (oversize) onOversize({ number, length: size + piece.length });
      else if (size + piece.length > maxLine) onOversize({ number, length: size + piece.length });
      else yield { number, bytes: parts.length ? Buffer.concat([...parts, piece]) : Buffer.from(piece) };
      parts = [];
      size = 0;
      oversize = false;
      number++;
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    size += rest.length;
    if (oversize || size > maxLine) {
      oversize = true; // keep counting, stop buffering
      parts = [];
    } else if (rest.length) parts.push(Buffer.from(rest));
  }
  if (oversize) onOversize({ number, length: size });
  else if (size > 0) yield { number, bytes: Buffer.concat(parts) };
}
