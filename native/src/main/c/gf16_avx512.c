/*
 * AVX-512 (F+VL+BW) path of the GF(2^16) kernel. One zmm register holds a whole 64-byte block,
 * [low bytes | high bytes]; a copy with its two halves swapped, [high | low], lines every element's
 * other byte up with it. The nibble tables then differ per 256-bit half: in the first half they
 * produce the product's low byte, in the second its high byte, so the XOR of four vpshufb lookups
 * (two nibbles of the block, two of the swapped copy) is the product block itself, already in the
 * shard layout.
 */
#include <immintrin.h>

#include "gf16.h"

#define AVX512 __attribute__((target("avx512f,avx512vl,avx512bw")))

typedef struct {
  __m512i direct_low, direct_high, swapped_low, swapped_high;
} avx512_tables;

AVX512 static inline __m512i halves(const uint8_t first[16], const uint8_t second[16]) {
  __m256i a = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)first));
  __m256i b = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)second));
  return _mm512_inserti64x4(_mm512_castsi256_si512(a), b, 1);
}

AVX512 static inline void avx512_load_tables(const gf16_nibbles *t, avx512_tables *v) {
  /* Block lanes: first half low bytes (nibbles 0, 1), second half high bytes (nibbles 2, 3). */
  v->direct_low = halves(t->lo[0], t->hi[2]);
  v->direct_high = halves(t->lo[1], t->hi[3]);
  /* Swapped lanes: first half high bytes, second half low bytes. */
  v->swapped_low = halves(t->lo[2], t->hi[0]);
  v->swapped_high = halves(t->lo[3], t->hi[1]);
}

AVX512 static inline __m512i avx512_mul_block(__m512i z, const avx512_tables *v) {
  const __m512i mask = _mm512_set1_epi8(0x0F);
  __m512i s = _mm512_shuffle_i64x2(z, z, _MM_SHUFFLE(1, 0, 3, 2));
  __m512i p0 = _mm512_shuffle_epi8(v->direct_low, _mm512_and_si512(z, mask));
  __m512i p1 = _mm512_shuffle_epi8(v->direct_high, _mm512_and_si512(_mm512_srli_epi16(z, 4), mask));
  __m512i p2 = _mm512_shuffle_epi8(v->swapped_low, _mm512_and_si512(s, mask));
  __m512i p3 = _mm512_shuffle_epi8(v->swapped_high, _mm512_and_si512(_mm512_srli_epi16(s, 4), mask));
  return _mm512_xor_si512(_mm512_ternarylogic_epi64(p0, p1, p2, 0x96), p3);
}

#define LOAD(p) _mm512_loadu_si512((const void *)(p))
#define STORE(p, x) _mm512_storeu_si512((void *)(p), (x))

AVX512 static void avx512_fft(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                              const gf16_nibbles *t) {
  (void)log;
  avx512_tables v;
  avx512_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m512i y = LOAD(b + o);
    __m512i x = _mm512_xor_si512(LOAD(a + o), avx512_mul_block(y, &v));
    STORE(a + o, x);
    STORE(b + o, _mm512_xor_si512(x, y));
  }
}

AVX512 static void avx512_ifft(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                               const gf16_nibbles *t) {
  (void)log;
  avx512_tables v;
  avx512_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m512i x = LOAD(a + o);
    __m512i y = _mm512_xor_si512(LOAD(b + o), x);
    STORE(b + o, y);
    STORE(a + o, _mm512_xor_si512(x, avx512_mul_block(y, &v)));
  }
}

AVX512 static void avx512_mul(uint8_t *a, size_t bytes, uint32_t log, const gf16_nibbles *t) {
  (void)log;
  avx512_tables v;
  avx512_load_tables(t, &v);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) STORE(a + o, avx512_mul_block(LOAD(a + o), &v));
}

AVX512 static void avx512_xor(uint8_t *dst, const uint8_t *src, size_t bytes) {
  for (size_t o = 0; o < bytes; o += GF16_BLOCK)
    STORE(dst + o, _mm512_xor_si512(LOAD(dst + o), LOAD(src + o)));
}

AVX512 static void avx512_fft4(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx512_tables v[3];
  for (int i = 0; i < 3; i++) avx512_load_tables(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m512i x0 = LOAD(a + o), x1 = LOAD(a + bytes + o);
    __m512i x2 = LOAD(a + 2 * bytes + o), x3 = LOAD(a + 3 * bytes + o);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x2, &v[0]));
    x2 = _mm512_xor_si512(x2, x0);
    x1 = _mm512_xor_si512(x1, avx512_mul_block(x3, &v[0]));
    x3 = _mm512_xor_si512(x3, x1);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x1, &v[1]));
    x1 = _mm512_xor_si512(x1, x0);
    x2 = _mm512_xor_si512(x2, avx512_mul_block(x3, &v[2]));
    x3 = _mm512_xor_si512(x3, x2);
    STORE(a + o, x0);
    STORE(a + bytes + o, x1);
    STORE(a + 2 * bytes + o, x2);
    STORE(a + 3 * bytes + o, x3);
  }
}

AVX512 static void avx512_ifft4(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {
  avx512_tables v[3];
  for (int i = 0; i < 3; i++) avx512_load_tables(&t[i], &v[i]);
  for (size_t o = 0; o < bytes; o += GF16_BLOCK) {
    __m512i x0 = LOAD(a + o), x1 = LOAD(a + bytes + o);
    __m512i x2 = LOAD(a + 2 * bytes + o), x3 = LOAD(a + 3 * bytes + o);
    x1 = _mm512_xor_si512(x1, x0);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x1, &v[1]));
    x3 = _mm512_xor_si512(x3, x2);
    x2 = _mm512_xor_si512(x2, avx512_mul_block(x3, &v[2]));
    x2 = _mm512_xor_si512(x2, x0);
    x0 = _mm512_xor_si512(x0, avx512_mul_block(x2, &v[0]));
    x3 = _mm512_xor_si512(x3, x1);
    x1 = _mm512_xor_si512(x1, avx512_mul_block(x3, &v[0]));
    STORE(a + o, x0);
    STORE(a + bytes + o, x1);
    STORE(a + 2 * bytes + o, x2);
    STORE(a + 3 * bytes + o, x3);
  }
}

const gf16_path gf16_avx512_path = {avx512_fft,  avx512_ifft,  avx512_mul,
                                    avx512_xor, avx512_fft4, avx512_ifft4};
