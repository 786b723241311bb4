#include <immintrin.h>

#include "pos_internal.h"

/*
 * Chia's matching between bucket i and bucket i+1, in Abundance's order: right entries recorded
 * per offset r (first two only), left entries in order, m = 0..63 ascending, (left, first) then
 * (left, second), stop before a left entry once 288 matches exist, keep the first 288.
 *
 * The Rmap word of offset r holds (first index + 1) | (second index + 1) << 16, 0 = empty; it is
 * cleared again from the right bucket after each pair, so it never needs a full reset. A bitmap of
 * occupied offsets (1.9 KB, always in L1) sits after it: the 64 lookups per left entry test bits
 * there, and only the rare hits read the 60 KB word array.
 */

/* (2m + parity)^2 mod C, [parity][m]. */
static const uint32_t SQUARES[2][POS_M] = {
#define SQ(v) (uint32_t)(((v) * (v)) % POS_C)
#define ROW(p)                                                                                   \
  {SQ(0 + p),   SQ(2 + p),   SQ(4 + p),   SQ(6 + p),   SQ(8 + p),   SQ(10 + p),  SQ(12 + p),  \
   SQ(14 + p),  SQ(16 + p),  SQ(18 + p),  SQ(20 + p),  SQ(22 + p),  SQ(24 + p),  SQ(26 + p),  \
   SQ(28 + p),  SQ(30 + p),  SQ(32 + p),  SQ(34 + p),  SQ(36 + p),  SQ(38 + p),  SQ(40 + p),  \
   SQ(42 + p),  SQ(44 + p),  SQ(46 + p),  SQ(48 + p),  SQ(50 + p),  SQ(52 + p),  SQ(54 + p),  \
   SQ(56 + p),  SQ(58 + p),  SQ(60 + p),  SQ(62 + p),  SQ(64 + p),  SQ(66 + p),  SQ(68 + p),  \
   SQ(70 + p),  SQ(72 + p),  SQ(74 + p),  SQ(76 + p),  SQ(78 + p),  SQ(80 + p),  SQ(82 + p),  \
   SQ(84 + p),  SQ(86 + p),  SQ(88 + p),  SQ(90 + p),  SQ(92 + p),  SQ(94 + p),  SQ(96 + p),  \
   SQ(98 + p),  SQ(100 + p), SQ(102 + p), SQ(104 + p), SQ(106 + p), SQ(108 + p), SQ(110 + p), \
   SQ(112 + p), SQ(114 + p), SQ(116 + p), SQ(118 + p), SQ(120 + p), SQ(122 + p), SQ(124 + p), \
   SQ(126 + p)}
    ROW(0),
    ROW(1),
#undef ROW
#undef SQ
};

static const uint32_t M_INDEX[POS_M] = {
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
    44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};

#define OCCUPIED(rmap) ((rmap) + POS_BC)

static void fill_rmap(uint32_t right_base, const uint32_t *right_ys, uint32_t right_count,
                      uint32_t *rmap) {
  uint32_t *occupied = OCCUPIED(rmap);
  for (uint32_t i = 0; i < right_count; i++) {
    uint32_t r = right_ys[i] - right_base;
    uint32_t e = rmap[r];
    if (e == 0) {
      rmap[r] = i + 1;
      occupied[r >> 5] |= 1u << (r & 31);
    } else if ((e >> 16) == 0) {
      rmap[r] = e | ((i + 1) << 16);
    }
  }
}

static void clear_rmap(uint32_t right_base, const uint32_t *right_ys, uint32_t right_count,
                       uint32_t *rmap) {
  uint32_t *occupied = OCCUPIED(rmap);
  for (uint32_t i = 0; i < right_count; i++) {
    uint32_t r = right_ys[i] - right_base;
    rmap[r] = 0;
    occupied[r >> 5] = 0;
  }
}

/* Emits the matches of one left entry whose targets (offsets by m) have bit m of hits set. */
static inline uint32_t emit(uint64_t hits, const uint32_t *targets, const uint32_t *rmap,
                            uint16_t li, uint32_t n, uint16_t *out_left, uint16_t *out_right) {
  while (hits != 0) {
    int m = __builtin_ctzll(hits);
    hits &= hits - 1;
    uint32_t e = rmap[targets[m]];
    out_left[n] = li;
    out_right[n] = (uint16_t)((e & 0xffff) - 1);
    n++;
    if ((e >> 16) != 0) {
      out_left[n] = li;
      out_right[n] = (uint16_t)((e >> 16) - 1);
      n++;
    }
  }
  return n;
}

static uint32_t match_portable(uint32_t left_base, uint32_t parity, const uint32_t *left_ys,
                               uint32_t left_count, const uint32_t *rmap, uint16_t *out_left,
                               uint16_t *out_right) {
  const uint32_t *squares = SQUARES[parity];
  const uint32_t *occupied = OCCUPIED(rmap);
  uint32_t n = 0;
  for (uint32_t li = 0; li < left_count && n < POS_MATCH_CAP; li++) {
    uint32_t r = left_ys[li] - left_base;
    uint32_t c_part = r / POS_C, r_mod_c = r % POS_C;
    for (uint32_t m = 0; m < POS_M; m++) {
      uint32_t b = c_part + m;
      if (b >= POS_B) b -= POS_B;
      uint32_t c = squares[m] + r_mod_c;
      if (c >= POS_C) c -= POS_C;
      uint32_t t = b * POS_C + c;
      if ((occupied[t >> 5] >> (t & 31)) & 1) {
        uint32_t e = rmap[t];
        out_left[n] = (uint16_t)li;
        out_right[n] = (uint16_t)((e & 0xffff) - 1);
        n++;
        if ((e >> 16) != 0) {
          out_left[n] = (uint16_t)li;
          out_right[n] = (uint16_t)((e >> 16) - 1);
          n++;
        }
      }
    }
  }
  return n;
}

/* 8 targets per gather; almost every gather misses (about 1.5% of offsets are occupied). */
__attribute__((target("avx2"))) static uint32_t match_avx2(
    uint32_t left_base, uint32_t parity, const uint32_t *left_ys, uint32_t left_count,
    const uint32_t *rmap, uint16_t *out_left, uint16_t *out_right) {
  __m256i ms[8], sq[8];
  for (int j = 0; j < 8; j++) {
    ms[j] = _mm256_loadu_si256((const __m256i *)(M_INDEX + 8 * j));
    sq[j] = _mm256_loadu_si256((const __m256i *)(SQUARES[parity] + 8 * j));
  }
  const __m256i vb = _mm256_set1_epi32(POS_B), vc = _mm256_set1_epi32(POS_C);
  const __m256i low5 = _mm256_set1_epi32(31), one = _mm256_set1_epi32(1);
  const uint32_t *occupied = OCCUPIED(rmap);
  uint32_t targets[POS_M];
  uint32_t n = 0;
  for (uint32_t li = 0; li < left_count && n < POS_MATCH_CAP; li++) {
    uint32_t r = left_ys[li] - left_base;
    __m256i c_part = _mm256_set1_epi32((int)(r / POS_C));
    __m256i r_mod_c = _mm256_set1_epi32((int)(r % POS_C));
    uint64_t hits = 0;
    for (int j = 0; j < 8; j++) {
      __m256i b = _mm256_add_epi32(c_part, ms[j]);
      b = _mm256_min_epu32(b, _mm256_sub_epi32(b, vb));
      __m256i c = _mm256_add_epi32(sq[j], r_mod_c);
      c = _mm256_min_epu32(c, _mm256_sub_epi32(c, vc));
      __m256i t = _mm256_add_epi32(_mm256_sub_epi32(_mm256_slli_epi32(b, 7), b), c);
      __m256i g = _mm256_i32gather_epi32((const int *)occupied, _mm256_srli_epi32(t, 5), 4);
      __m256i bit = _mm256_and_si256(_mm256_srlv_epi32(g, _mm256_and_si256(t, low5)), one);
      uint32_t mask =
          (uint32_t)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(bit, one)));
      if (mask != 0) {
        _mm256_storeu_si256((__m256i *)(targets + 8 * j), t);
        hits |= (uint64_t)mask << (8 * j);
      }
    }
    n = emit(hits, targets, rmap, (uint16_t)li, n, out_left, out_right);
  }
  return n;
}

__attribute__((target("avx512f,avx512vl,avx512bw"))) static uint32_t match_avx512(
    uint32_t left_base, uint32_t parity, const uint32_t *left_ys, uint32_t left_count,
    const uint32_t *rmap, uint16_t *out_left, uint16_t *out_right) {
  __m512i ms[4], sq[4];
  for (int j = 0; j < 4; j++) {
    ms[j] = _mm512_loadu_si512((const void *)(M_INDEX + 16 * j));
    sq[j] = _mm512_loadu_si512((const void *)(SQUARES[parity] + 16 * j));
  }
  const __m512i vb = _mm512_set1_epi32(POS_B), vc = _mm512_set1_epi32(POS_C);
  const __m512i low5 = _mm512_set1_epi32(31), one = _mm512_set1_epi32(1);
  const uint32_t *occupied = OCCUPIED(rmap);
  uint32_t targets[POS_M];
  uint32_t n = 0;
  for (uint32_t li = 0; li < left_count && n < POS_MATCH_CAP; li++) {
    uint32_t r = left_ys[li] - left_base;
    __m512i c_part = _mm512_set1_epi32((int)(r / POS_C));
    __m512i r_mod_c = _mm512_set1_epi32((int)(r % POS_C));
    uint64_t hits = 0;
    for (int j = 0; j < 4; j++) {
      __m512i b = _mm512_add_epi32(c_part, ms[j]);
      b = _mm512_min_epu32(b, _mm512_sub_epi32(b, vb));
      __m512i c = _mm512_add_epi32(sq[j], r_mod_c);
      c = _mm512_min_epu32(c, _mm512_sub_epi32(c, vc));
      __m512i t = _mm512_add_epi32(_mm512_sub_epi32(_mm512_slli_epi32(b, 7), b), c);
      __m512i g = _mm512_i32gather_epi32(_mm512_srli_epi32(t, 5), (const void *)occupied, 4);
      __m512i shifted = _mm512_srlv_epi32(g, _mm512_and_si512(t, low5));
      __mmask16 mask = _mm512_test_epi32_mask(shifted, one);
      if (mask != 0) {
        _mm512_storeu_si512((void *)(targets + 16 * j), t);
        hits |= (uint64_t)mask << (16 * j);
      }
    }
    n = emit(hits, targets, rmap, (uint16_t)li, n, out_left, out_right);
  }
  return n;
}

uint32_t pos_match_pair(int path, uint32_t left_bucket, const uint32_t *left_ys,
                        uint32_t left_count, const uint32_t *right_ys, uint32_t right_count,
                        uint32_t *rmap, uint16_t *out_left, uint16_t *out_right) {
  if (left_count == 0 || right_count == 0) return 0;
  uint32_t left_base = left_bucket * POS_BC;
  uint32_t right_base = left_base + POS_BC;
  uint32_t parity = left_bucket & 1;
  fill_rmap(right_base, right_ys, right_count, rmap);
  uint32_t n;
  if (path == POS_PATH_AVX512) {
    n = match_avx512(left_base, parity, left_ys, left_count, rmap, out_left, out_right);
  } else if (path == POS_PATH_AVX2) {
    n = match_avx2(left_base, parity, left_ys, left_count, rmap, out_left, out_right);
  } else {
    n = match_portable(left_base, parity, left_ys, left_count, rmap, out_left, out_right);
  }
  clear_rmap(right_base, right_ys, right_count, rmap);
  return n < POS_MATCH_CAP ? n : POS_MATCH_CAP;
}
