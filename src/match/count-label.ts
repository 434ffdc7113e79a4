/**
 * The subject of a level stated after a change of it, as a label for the rules' `after`
 * patterns (a fallback for counts no rule reads otherwise):
 *   `số hộ gia đình có cửa hàng số tăng từ 18.340 lên 35.920 hộ` → both take `hộ … cửa hàng số`
 *   `Số doanh nghiệp sử dụng hợp đồng điện tử tăng thêm 326 đơn vị, nâng tổng số lên 1.174`
 * (`tăng từ X lên Y`, `nâng tổng số lên Y` state levels: records.md, measure.)
 */
import type { Label } from './label.js';

// `Số …`, `số lượng …`, `tổng số …` at the start of the clause or after a comma.
const HEAD = /(?:^|[,:]\s*)(?:số lượng|tổng số|số)\s+/giu;
const N = String.raw`\d+(?:[.,]\d+)*(?:\s+(?:nghìn|triệu|tỷ))?`;
const LINK = new RegExp(
  String.raw`^([^\d;:]{3,100}?)\s+(?:(?:đã|đến nay|hiện)\s+)?(?:(?:tăng|giảm)(?: thêm)?\s+${N}(?:\s+\p{L}+){0,3},\s*(?:nâng|đưa) tổng số lên|(?:tăng|giảm)\s+từ\s+${N}(?:\s+\p{L}+){0,3}\s+(?:lên|xuống|còn)|(?:tăng|giảm)\s+từ|(?:nâng|đưa) tổng số lên)\s*$`,
  'iu',
);

export function levelAfterChangeSubject(text: string, clauseStart: number, numberStart: number): Label | null {
  const from = Math.max(clauseStart, numberStart - 200);
  const left = text.slice(from, numberStart);
  let head: RegExpExecArray | null = null;
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(left); m; m = HEAD.exec(left)) head = m;
  if (!head) return null;
  const restStart = head.index + head[0].length;
  const m = LINK.exec(left.slice(restStart));
  if (!m) return null;
  const start = from + restStart;
  return { start, end: start + m[1]!.length };
}
