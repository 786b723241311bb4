/*
 * AVX2 path of the GF(2^16) kernel. A 64-byte block is two registers: the 32 low bytes and the 32
 * high bytes of its elements. A product with a constant is the XOR of the products of the four
 * nibbles of each element, each one 16-entry lookup (vpshufb) for the product's low byte and one
 * for its high byte: 8 lookups per 32 elements.
 */
#include <immintrin.h>

#include "gf16.h"

#define AVX2 __attribute__((target("avx2")))

typedef struct {
  __m256i lo[4];
  __m256i hi[4];
} avx2_tables;

AVX2 static inline void avx2_load_tables(const gf16_nibbles *t, avx2_tables *v) {
  for (int n = 0; n < 4; n++) {
    v->lo[n] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->lo[n]));
    v->hi[n] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t->hi[n]));
  }
}

/* (plo, phi) = (lo, hi) * c for the 32 elements of one block. */
AVX2 static inline void avx2_mul_block(__m256i lo, __m256i hi, const avx2_tables *v, __m256i *plo,
                                       __m256i *phi) {
  const __m256i mask = _mm256_set1_epi8(0x0F);
  __m256i n0 = _mm256_and_si256(lo, mask);
  __m256i n1 = _mm256_and_si256(_mm256_srli_epi16(lo, 4), mask);
  __m256i n2 = _mm256_and_si256(hi, mask);
  __m256i n3 = _mm256_and_si256(_mm256_srli_epi16(hi, 4), mask);
  *plo = _mm256_xor_si256(
      _mm256_xor_si256(_mm256_shuffle_epi8(v->lo[0], n0), _mm256_shuffle_epi8(v->lo[1], n1)),
      _mm256_xor_si256(_mm256_shuffle_epi8(v->lo[2], n2), _mm256_shuffle_epi8(v->lo[3], n3)));
  *phi = _mm256_xor_si256(
      _mm256_xor_si256(_mm256_shuffle_epi8(v->hi[0], n0), _mm256_shuffle_epi8(v->hi[1], n1)),
      _mm256_xor_si256(_mm256_shuffle_epi8(v->hi[2], n2), _mm256_shuffle_epi8(v->hi[3], n3)));
}

#define LOAD(p) _mm256_loadu_si256((const __m256i *)(p))
#define STORE(p, x) _mm256_storeu_si256((__m256i *)(p), (x))

AVX2 static void avx2_fft(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                          const gf16_nibbles *t) {
  (void)log;
  avx2_tables v;
  avx2_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m256i ylo = LOAD(b + o), yhi = LOAD(b + o + 32);
    __m256i plo, phi;
    avx2_mul_block(ylo, yhi, &v, &plo, &phi);
    __m256i xlo = _mm256_xor_si256(LOAD(a + o), plo);
    __m256i xhi = _mm256_xor_si256(LOAD(a + o + 32), phi);
    STORE(a + o, xlo);
    STORE(a + o + 32, xhi);
    STORE(b + o, _mm256_xor_si256(ylo, xlo));
    STORE(b + o + 32, _mm256_xor_si256(yhi, xhi));
  }
}

AVX2 static void avx2_ifft(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                           const gf16_nibbles *t) {
  (void)log;
  avx2_tables v;
  avx2_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m256i xlo = LOAD(a + o), xhi = LOAD(a + o + 32);
    __m256i ylo = _mm256_xor_si256(LOAD(b + o), xlo);
    __m256i yhi = _mm256_xor_si256(LOAD(b + o + 32), xhi);
    STORE(b + o, ylo);
    STORE(b + o + 32, yhi);
    __m256i plo, phi;
    avx2_mul_block(ylo, yhi, &v, &plo, &phi);
    STORE(a + o, _mm256_xor_si256(xlo, plo));
    STORE(a + o + 32, _mm256_xor_si256(xhi, phi));
  }
}

AVX2 static void avx2_mul(uint8_t *a, size_t bytes, uint32_t log, const gf16_nibbles *t) {
  (void)log;
  avx2_tables v;
  avx2_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m256i plo, phi;
    avx2_mul_block(LOAD(a + o), LOAD(a + o + 32), &v, &plo, &phi);
    STORE(a + o, plo);
    STORE(a + o + 32, phi);
  }
}

AVX2 static void avx2_xor(uint8_t *dst, const uint8_t *src, size_t bytes) {
  /* Callers pass whole blocks, so there is no tail. */
  for (size_t o = 0; o < bytes; o += 32)
    STORE(dst + o, _mm256_xor_si256(LOAD(dst + o), LOAD(src + o)));
}

/* One block of a quarter: its low and high register. */
typedef struct {
  __m256i lo, hi;
} avx2_block;

/* FFT butterfly on registers: x ^= y * c; y ^= x. */
AVX2 static inline void avx2_fft_regs(avx2_block *x, avx2_block *y, const avx2_tables *v) {
  __m256i plo, phi;
  avx2_mul_block(y->lo, y->hi, v, &plo, &phi);
  x->lo = _mm256_xor_si256(x->lo, plo);
  x->hi = _mm256_xor_si256(x->hi, phi);
  y->lo = _mm256_xor_si256(y->lo, x->lo);
  y->hi = _mm256_xor_si256(y->hi, x->hi);
}

/* IFFT butterfly on registers: y ^= x; x ^= y * c. */
AVX2 static inline void avx2_ifft_regs(avx2_block *x, avx2_block *y, const avx2_tables *v) {
  y->lo = _mm256_xor_si256(y->lo, x->lo);
  y->hi = _mm256_xor_si256(y->hi, x->hi);
  __m256i plo, phi;
  avx2_mul_block(y->lo, y->hi, v, &plo, &phi);
  x->lo = _mm256_xor_si256(x->lo, plo);
  x->hi = _mm256_xor_si256(x->hi, phi);
}

AVX2 static void avx2_fft4(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx2_tables v[3];
  for (int i = 0; i < 3; i++) avx2_load_tables(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    avx2_block x[4];
    for (int i = 0; i < 4; i++) {
      x[i].lo = LOAD(a + i * bytes + o);
      x[i].hi = LOAD(a + i * bytes + o + 32);
    }
    avx2_fft_regs(&x[0], &x[2], &v[0]);
    avx2_fft_regs(&x[1], &x[3], &v[0]);
    avx2_fft_regs(&x[0], &x[1], &v[1]);
    avx2_fft_regs(&x[2], &x[3], &v[2]);
    for (int i = 0; i < 4; i++) {
      STORE(a + i * bytes + o, x[i].lo);
      STORE(a + i * bytes + o + 32, x[i].hi);
    }
  }
}

AVX2 static void avx2_ifft4(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx2_tables v[3];
  for (int i = 0; i < 3; i++) avx2_load_tables(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    avx2_block x[4];
    for (int i = 0; i < 4; i++) {
      x[i].lo = LOAD(a + i * bytes + o);
      x[i].hi = LOAD(a + i * bytes + o + 32);
    }
    avx2_ifft_regs(&x[0], &x[1], &v[1]);
    avx2_ifft_regs(&x[2], &x[3], &v[2]);
    avx2_ifft_regs(&x[0], &x[2], &v[0]);
    avx2_ifft_regs(&x[1], &x[3], &v[0]);
    for (int i = 0; i < 4; i++) {
      STORE(a + i * bytes + o, x[i].lo);
      STORE(a + i * bytes + o + 32, x[i].hi);
    }
  }
}

const gf16_path gf16_avx2_path = {avx2_fft, avx2_ifft, avx2_mul, avx2_xor, avx2_fft4, avx2_ifft4};

/*
 * Rows of one 32-byte block [16 low bytes | 16 high bytes]: one register per block; a copy with
 * its 128-bit lanes swapped pairs each byte with its partner, and the lane tables are arranged so
 * that four lookups give the product block directly (as the AVX-512 path does for 64-byte blocks).
 */
typedef struct {
  __m256i direct_low, direct_high, swapped_low, swapped_high;
} avx2_small_tables;

AVX2 static inline __m256i two_lanes(const uint8_t *l0, const uint8_t *l1) {
  return _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)l0)),
                                 _mm_loadu_si128((const __m128i *)l1), 1);
}

AVX2 static inline void avx2_small_load(const gf16_nibbles *t, avx2_small_tables *v) {
  v->direct_low = two_lanes(t->lo[0], t->hi[2]);
  v->direct_high = two_lanes(t->lo[1], t->hi[3]);
  v->swapped_low = two_lanes(t->lo[2], t->hi[0]);
  v->swapped_high = two_lanes(t->lo[3], t->hi[1]);
}

AVX2 static inline __m256i avx2_small_mul(__m256i z, const avx2_small_tables *v) {
  const __m256i mask = _mm256_set1_epi8(0x0F);
  __m256i s = _mm256_permute2x128_si256(z, z, 0x01);
  __m256i p0 = _mm256_shuffle_epi8(v->direct_low, _mm256_and_si256(z, mask));
  __m256i z_high = _mm256_and_si256(_mm256_srli_epi16(z, 4), mask);
  __m256i p1 = _mm256_shuffle_epi8(v->direct_high, z_high);
  __m256i p2 = _mm256_shuffle_epi8(v->swapped_low, _mm256_and_si256(s, mask));
  __m256i s_high = _mm256_and_si256(_mm256_srli_epi16(s, 4), mask);
  __m256i p3 = _mm256_shuffle_epi8(v->swapped_high, s_high);
  return _mm256_xor_si256(_mm256_xor_si256(p0, p1), _mm256_xor_si256(p2, p3));
}

AVX2 static void avx2_fft32(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                            const gf16_nibbles *t) {
  (void)log;
  avx2_small_tables v;
  avx2_small_load(t, &v);
  for (size_t o = 0; o < bytes; o += 32) {
    __m256i y = LOAD(b + o);
    __m256i x = _mm256_xor_si256(LOAD(a + o), avx2_small_mul(y, &v));
    STORE(a + o, x);
    STORE(b + o, _mm256_xor_si256(x, y));
  }
}

AVX2 static void avx2_ifft32(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                             const gf16_nibbles *t) {
  (void)log;
  avx2_small_tables v;
  avx2_small_load(t, &v);
  for (size_t o = 0; o < bytes; o += 32) {
    __m256i x = LOAD(a + o);
    __m256i y = _mm256_xor_si256(LOAD(b + o), x);
    STORE(b + o, y);
    STORE(a + o, _mm256_xor_si256(x, avx2_small_mul(y, &v)));
  }
}

AVX2 static void avx2_mul32(uint8_t *a, size_t bytes, uint32_t log, const gf16_nibbles *t) {
  (void)log;
  avx2_small_tables v;
  avx2_small_load(t, &v);
  for (size_t o = 0; o < bytes; o += 32) STORE(a + o, avx2_small_mul(LOAD(a + o), &v));
}

AVX2 static void avx2_fft4_32(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx2_small_tables v[3];
  for (int i = 0; i < 3; i++) avx2_small_load(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += 32) {
    __m256i x0 = LOAD(a + o), x1 = LOAD(a + bytes + o);
    __m256i x2 = LOAD(a + 2 * bytes + o), x3 = LOAD(a + 3 * bytes + o);
    x0 = _mm256_xor_si256(x0, avx2_small_mul(x2, &v[0]));
    x2 = _mm256_xor_si256(x2, x0);
    x1 = _mm256_xor_si256(x1, avx2_small_mul(x3, &v[0]));
    x3 = _mm256_xor_si256(x3, x1);
    x0 = _mm256_xor_si256(x0, avx2_small_mul(x1, &v[1]));
    x1 = _mm256_xor_si256(x1, x0);
    x2 = _mm256_xor_si256(x2, avx2_small_mul(x3, &v[2]));
    x3 = _mm256_xor_si256(x3, x2);
    STORE(a + o, x0);
    STORE(a + bytes + o, x1);
    STORE(a + 2 * bytes + o, x2);
    STORE(a + 3 * bytes + o, x3);
  }
}

AVX2 static void avx2_ifft4_32(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx2_small_tables v[3];
  for (int i = 0; i < 3; i++) avx2_small_load(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += 32) {
    __m256i x0 = LOAD(a + o), x1 = LOAD(a + bytes + o);
    __m256i x2 = LOAD(a + 2 * bytes + o), x3 = LOAD(a + 3 * bytes + o);
    x1 = _mm256_xor_si256(x1, x0);
    x0 = _mm256_xor_si256(x0, avx2_small_mul(x1, &v[1]));
    x3 = _mm256_xor_si256(x3, x2);
    x2 = _mm256_xor_si256(x2, avx2_small_mul(x3, &v[2]));
    x2 = _mm256_xor_si256(x2, x0);
    x0 = _mm256_xor_si256(x0, avx2_small_mul(x2, &v[0]));
    x3 = _mm256_xor_si256(x3, x1);
    x1 = _mm256_xor_si256(x1, avx2_small_mul(x3, &v[0]));
    STORE(a + o, x0);
    STORE(a + bytes + o, x1);
    STORE(a + 2 * bytes + o, x2);
    STORE(a + 3 * bytes + o, x3);
  }
}

const gf16_path gf16_avx2_path32 = {avx2_fft32, avx2_ifft32,  avx2_mul32,
                                    avx2_xor,   avx2_fft4_32, avx2_ifft4_32};
