/**
 * Binary search over a sorted sequence: the first index in [0, length) at which `reached(i)`
 * holds, given that it holds for every index after one where it does; `length` if none.
 */
export function firstIndexWhere(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
