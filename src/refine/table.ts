/**
 * Status from a table's column. Reports tabulate targets against results (`Chỉ tiêu | Kế hoạch |
 * Thực hiện`, rows joined by `;` or line breaks once flattened): a number in the `Kế hoạch`
 * column is a target, one in `Thực hiện` is what was achieved, whatever the row's words say.
 */
import type { Status } from '../records/schema.js';

// The header cells that name a column of targets, and of results.
const TARGET_COLUMN = /^(?:kế hoạch|kh|chỉ tiêu|mục tiêu|kế hoạch giao|chỉ tiêu giao|kế hoạch năm|chỉ tiêu năm|mục tiêu năm)(?:\s+(?:năm\s+)?(?:19|20)\d\d)?$/iu;
const ACTUAL_COLUMN = /^(?:thực hiện|kết quả|kết quả thực hiện|ước thực hiện|ước đạt|đạt|thực tế)(?:\s+(?:năm\s+)?(?:19|20)\d\d)?$/iu;
/** How far back a header may stand (rows of a report table are short). */
const MAX_TABLE = 3000;

/** Where the row holding `pos` starts: after the last `;` or line break before it (not before `floor`). */
function rowStartBefore(text: string, pos: number, floor: number): number {
  return Math.max(floor, text.lastIndexOf(';', pos - 1) + 1, text.lastIndexOf('\n', pos - 1) + 1);
}

/** The status a table column gives the number at `pos`, or null when it stands in no such table. */
export function tableColumnStatus(text: string, pos: number): Status | null {
  const floor = Math.max(0, pos - MAX_TABLE);
  let rowStart = rowStartBefore(text, pos, floor);
  // Most numbers stand in no table: one native search says so.
  if (text.lastIndexOf('|', pos - 1) < rowStart) return null;
  const before = text.slice(rowStart, pos);
  const column = before.split('|').length - 1;
  // Walk up the rows of the table (each holds a `|`) to its header: cells after the first
  // without digits. (The first cell may carry the sentence before the table: `… các sở, ngành.
  // Chỉ tiêu | Kế hoạch | Thực hiện`.)
  while (rowStart > floor) {
    const prevStart = rowStartBefore(text, rowStart - 1, floor);
    const row = text.slice(prevStart, rowStart - 1);
    if (!row.includes('|')) return null;
    const cells = row.split('|').map((c) => c.trim());
    if (!cells.slice(1).some((c) => /\d/.test(c))) {
      const cell = cells[column];
      if (cell === undefined) return null;
      if (TARGET_COLUMN.test(cell)) return 'target';
      if (ACTUAL_COLUMN.test(cell)) return 'actual';
      return null;
    }
    rowStart = prevStart;
  }
  return null;
}
