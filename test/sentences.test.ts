import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentence splitting', () => {
  it('does not split at TP., ThS., v.v., decimals or thousands separators', () => {
    const t = 'Chủ tịch UBND TP. Gia Nghĩa cho biết có 2.424 thành viên, đạt 50,65%. ThS. Nguyễn Văn A, v.v. đều tham gia. Sau đó mới xong.';
    expect(split(t)).toEqual([
      'Chủ tịch UBND TP. Gia Nghĩa cho biết có 2.424 thành viên, đạt 50,65%.',
      'ThS. Nguyễn Văn A, v.v. đều tham gia.',
      'Sau đó mới xong.',
    ]);
  });
  it('splits at line breaks and before capitals or digits', () => {
    expect(split('Dòng một\nDòng hai. 58/71 tổ đã thành lập! Có không?')).toEqual(['Dòng một', 'Dòng hai.', '58/71 tổ đã thành lập!', 'Có không?']);
  });
});
