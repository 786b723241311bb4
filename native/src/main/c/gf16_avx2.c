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
  for (size_t o = 0; o < bytes; o += 32) STORE(dst + o, _mm256_xor_si256(LOAD(dst + o), LOAD(src + o)));
}

const gf16_path gf16_avx2_path = {avx2_fft, avx2_ifft, avx2_mul, avx2_xor};
