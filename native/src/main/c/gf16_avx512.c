/*
 * AVX-512 (F+VL+BW) path of the GF(2^16) kernel. One zmm register holds 64 bytes of a row: one
 * 64-byte block [low bytes | high bytes], or two 32-byte blocks [low | high | low | high] (rows of
 * shards of at most 32 bytes). A copy with its halves (resp. 128-bit lanes) swapped lines every
 * byte up with its partner. The nibble tables differ per 128-bit lane: where a lane holds low
 * bytes they produce the product's low byte, where it holds high bytes its high byte, so the XOR
 * of four vpshufb lookups (two nibbles of the data, two of the swapped copy) is the product,
 * already in the shard layout.
 */
#include <immintrin.h>

#include "gf16.h"

#define AVX512 __attribute__((target("avx512f,avx512vl,avx512bw")))

typedef struct {
  __m512i direct_low, direct_high, swapped_low, swapped_high, swap;
} avx512_tables;

/* Four 128-bit lanes from 16-byte tables, lane i from tables[i]. */
AVX512 static inline __m512i lanes(const uint8_t *l0, const uint8_t *l1, const uint8_t *l2,
                                   const uint8_t *l3) {
  __m256i a = _mm256_inserti128_si256(
      _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)l0)),
      _mm_loadu_si128((const __m128i *)l1), 1);
  __m256i b = _mm256_inserti128_si256(
      _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)l2)),
      _mm_loadu_si128((const __m128i *)l3), 1);
  return _mm512_inserti64x4(_mm512_castsi256_si512(a), b, 1);
}

/* small: rows of one 32-byte block (lanes low, high, low, high) instead of 64-byte blocks. */
AVX512 static inline void avx512_load_tables(const gf16_nibbles *t, int small, avx512_tables *v) {
  if (small) {
    v->direct_low = lanes(t->lo[0], t->hi[2], t->lo[0], t->hi[2]);
    v->direct_high = lanes(t->lo[1], t->hi[3], t->lo[1], t->hi[3]);
    v->swapped_low = lanes(t->lo[2], t->hi[0], t->lo[2], t->hi[0]);
    v->swapped_high = lanes(t->lo[3], t->hi[1], t->lo[3], t->hi[1]);
    v->swap = _mm512_setr_epi64(2, 3, 0, 1, 6, 7, 4, 5);
  } else {
    v->direct_low = lanes(t->lo[0], t->lo[0], t->hi[2], t->hi[2]);
    v->direct_high = lanes(t->lo[1], t->lo[1], t->hi[3], t->hi[3]);
    v->swapped_low = lanes(t->lo[2], t->lo[2], t->hi[0], t->hi[0]);
    v->swapped_high = lanes(t->lo[3], t->lo[3], t->hi[1], t->hi[1]);
    v->swap = _mm512_setr_epi64(4, 5, 6, 7, 0, 1, 2, 3);
  }
}

AVX512 static inline __m512i avx512_mul_block(__m512i z, const avx512_tables *v) {
  const __m512i mask = _mm512_set1_epi8(0x0F);
  __m512i s = _mm512_permutexvar_epi64(v->swap, z);
  __m512i p0 = _mm512_shuffle_epi8(v->direct_low, _mm512_and_si512(z, mask));
  __m512i z_high = _mm512_and_si512(_mm512_srli_epi16(z, 4), mask);
  __m512i p1 = _mm512_shuffle_epi8(v->direct_high, z_high);
  __m512i p2 = _mm512_shuffle_epi8(v->swapped_low, _mm512_and_si512(s, mask));
  __m512i s_high = _mm512_and_si512(_mm512_srli_epi16(s, 4), mask);
  __m512i p3 = _mm512_shuffle_epi8(v->swapped_high, s_high);
  return _mm512_xor_si512(_mm512_ternarylogic_epi64(p0, p1, p2, 0x96), p3);
}

/* Runs are whole 64-byte steps except, for 32-byte rows, a last half step: masked (4 qwords). */
#define STEP_MASK(bytes, o) ((__mmask8)((bytes) - (o) >= 64 ? 0xFF : 0x0F))
#define LOAD(p, k) _mm512_maskz_loadu_epi64((k), (const void *)(p))
#define STORE(p, k, x) _mm512_mask_storeu_epi64((void *)(p), (k), (x))

AVX512 static inline void fft_run(uint8_t *a, uint8_t *b, size_t bytes, const gf16_nibbles *t,
                                  int small) {
  avx512_tables v;
  avx512_load_tables(t, small, &v);
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    __m512i y = LOAD(b + o, k);
    __m512i x = _mm512_xor_si512(LOAD(a + o, k), avx512_mul_block(y, &v));
    STORE(a + o, k, x);
    STORE(b + o, k, _mm512_xor_si512(x, y));
  }
}

AVX512 static inline void ifft_run(uint8_t *a, uint8_t *b, size_t bytes, const gf16_nibbles *t,
                                   int small) {
  avx512_tables v;
  avx512_load_tables(t, small, &v);
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    __m512i x = LOAD(a + o, k);
    __m512i y = _mm512_xor_si512(LOAD(b + o, k), x);
    STORE(b + o, k, y);
    STORE(a + o, k, _mm512_xor_si512(x, avx512_mul_block(y, &v)));
  }
}

AVX512 static inline void mul_run(uint8_t *a, size_t bytes, const gf16_nibbles *t, int small) {
  avx512_tables v;
  avx512_load_tables(t, small, &v);
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    STORE(a + o, k, avx512_mul_block(LOAD(a + o, k), &v));
  }
}

AVX512 static void avx512_xor(uint8_t *dst, const uint8_t *src, size_t bytes) {
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    STORE(dst + o, k, _mm512_xor_si512(LOAD(dst + o, k), LOAD(src + o, k)));
  }
}

/* Two layers over quarters q0..q3 (see gf16_path.fft4). */
AVX512 static inline void fft4_run(uint8_t *a, size_t bytes, const gf16_nibbles t[3], int small) {
  avx512_tables v[3];
  for (int i = 0; i < 3; i++) avx512_load_tables(&t[i], small, &v[i]);
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    __m512i x0 = LOAD(a + o, k), x1 = LOAD(a + bytes + o, k);
    __m512i x2 = LOAD(a + 2 * bytes + o, k), x3 = LOAD(a + 3 * bytes + o, k);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x2, &v[0]));
    x2 = _mm512_xor_si512(x2, x0);
    x1 = _mm512_xor_si512(x1, avx512_mul_block(x3, &v[0]));
    x3 = _mm512_xor_si512(x3, x1);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x1, &v[1]));
    x1 = _mm512_xor_si512(x1, x0);
    x2 = _mm512_xor_si512(x2, avx512_mul_block(x3, &v[2]));
    x3 = _mm512_xor_si512(x3, x2);
    STORE(a + o, k, x0);
    STORE(a + bytes + o, k, x1);
    STORE(a + 2 * bytes + o, k, x2);
    STORE(a + 3 * bytes + o, k, x3);
  }
}

AVX512 static inline void ifft4_run(uint8_t *a, size_t bytes, const gf16_nibbles t[3], int small) {
  avx512_tables v[3];
  for (int i = 0; i < 3; i++) avx512_load_tables(&t[i], small, &v[i]);
  for (size_t o = 0; o < bytes; o += 64) {
    __mmask8 k = STEP_MASK(bytes, o);
    __m512i x0 = LOAD(a + o, k), x1 = LOAD(a + bytes + o, k);
    __m512i x2 = LOAD(a + 2 * bytes + o, k), x3 = LOAD(a + 3 * bytes + o, k);
    x1 = _mm512_xor_si512(x1, x0);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x1, &v[1]));
    x3 = _mm512_xor_si512(x3, x2);
    x2 = _mm512_xor_si512(x2, avx512_mul_block(x3, &v[2]));
    x2 = _mm512_xor_si512(x2, x0);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x2, &v[0]));
    x3 = _mm512_xor_si512(x3, x1);
    x1 = _mm512_xor_si512(x1, avx512_mul_block(x3, &v[0]));
    STORE(a + o, k, x0);
    STORE(a + bytes + o, k, x1);
    STORE(a + 2 * bytes + o, k, x2);
    STORE(a + 3 * bytes + o, k, x3);
  }
}

/* The two layouts: the flag is a constant in each wrapper, so the compiler specialises. */
#define AVX512_LAYOUT(suffix, small)                                                             \
  AVX512 static void avx512_fft##suffix(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,      \
                                        const gf16_nibbles *t) {                                 \
    (void)log;                                                                                   \
    fft_run(a, b, bytes, t, small);                                                              \
  }                                                                                              \
  AVX512 static void avx512_ifft##suffix(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,     \
                                         const gf16_nibbles *t) {                                \
    (void)log;                                                                                   \
    ifft_run(a, b, bytes, t, small);                                                             \
  }                                                                                              \
  AVX512 static void avx512_mul##suffix(uint8_t *a, size_t bytes, uint32_t log,                  \
                                        const gf16_nibbles *t) {                                 \
    (void)log;                                                                                   \
    mul_run(a, bytes, t, small);                                                                 \
  }                                                                                              \
  AVX512 static void avx512_fft4##suffix(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {    \
    fft4_run(a, bytes, t, small);                                                                \
  }                                                                                              \
  AVX512 static void avx512_ifft4##suffix(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {   \
    ifft4_run(a, bytes, t, small);                                                               \
  }                                                                                              \
  const gf16_path gf16_avx512_path##suffix = {avx512_fft##suffix,  avx512_ifft##suffix,          \
                                              avx512_mul##suffix,  avx512_xor,                   \
                                              avx512_fft4##suffix, avx512_ifft4##suffix};

AVX512_LAYOUT(, 0)
AVX512_LAYOUT(32, 1)
