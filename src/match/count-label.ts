/**
 * The subject of a level stated after a change of it, as a label for the rules' `after`
 * patterns (a fallback for counts no rule reads otherwise):
 *   `số hộ gia đình có cửa hàng số tăng từ 18.340 lên 35.920 hộ` → both take `hộ … cửa hàng số`
 *   `Số doanh nghiệp sử dụng hợp đồng điện tử tăng thêm 326 đơn vị, nâng tổng số lên 1.174`
 * (`tăng từ X lên Y`, `nâng tổng số lên Y` state levels: records.md, measure.)
 */
import { lastHeadBefore, type Label } from './label.js';

// `Số …`, `số lượng …`, `tổng số …` at the start of the clause or after a comma.
const HEAD = /(?:^|[,:]\s*)(?:số lượng|tổng số|số)\s+/giu;
const N = String.raw`\d+(?:[.,]\d+)*(?:\s+(?:nghìn|triệu|tỷ))?`;
const LINK = new RegExp(
  String.raw`^([^\d;:]{3,100}?)\s+(?:(?:đã|đến nay|hiện)\s+)?(?:(?:tăng|giảm)(?: thêm)?\s+${N}(?:\s+\p{L}+){0,3},\s*(?:nâng|đưa) tổng số lên|(?:tăng|giảm)\s+từ\s+${N}(?:\s+\p{L}+){0,3}\s+(?:lên|xuống|còn)|(?:tăng|giảm)\s+từ|(?:nâng|đưa) tổng số lên)\s*$`,
  'iu',
);

export function levelAfterChangeSubject(text: string, clauseStart: number, numberStart: number): Label | null {
  const head = lastHeadBefore(HEAD, text, clauseStart, numberStart);
  const m = head && LINK.exec(head.rest);
  return head && m ? { start: head.start, end: head.start + m[1]!.length } : null;
}
