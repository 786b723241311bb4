/*
 * BLAKE3 for many independent messages at once: the 16 (AVX-512) or 8 (AVX2) lanes of a vector
 * register each hold one message's state word, so one pass of the rounds compresses 16 or 8
 * messages. Messages are transposed into word-major order on load and back on store.
 *
 * Three jobs use the lanes:
 *  - batches of 64-byte single-block messages (Merkle inner nodes, BLAKE3 parent nodes),
 *  - batches of equal-length messages of at most one chunk (each lane walks its blocks in step),
 *  - one long message: its 1 KiB chunks hashed side by side, then the parent levels as batches of
 *    64-byte blocks.
 * Whatever does not fill a vector runs on the portable core (blake3_core.h).
 */
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#include "annals_kernels.h"
#include "blake3_batch.h"
#include "blake3_core.h"

/*
 * The message word order of each round. The same permutation as B3_MSG_SCHEDULE, repeated here
 * because the vector rounds need it as a compile-time constant to keep the words in registers.
 */
static const uint8_t SCHEDULE[7][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8},
    {3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1},
    {10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6},
    {12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4},
    {9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7},
    {11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13},
};

/* ------------------------------------------------------------------------------------------ */
/* Portable: one message at a time.                                                            */

/* The chaining value (or root hash when ROOT is in end_flags) of one chunk-sized message. */
static void portable_chunk(const uint32_t key[8], uint8_t mode, const uint8_t *in, size_t len,
                           uint64_t counter, uint8_t end_flags, uint8_t out[32]) {
  uint32_t cv[8];
  memcpy(cv, key, sizeof cv);
  size_t blocks = len == 0 ? 1 : (len + B3_BLOCK_LEN - 1) / B3_BLOCK_LEN;
  uint8_t pad[B3_BLOCK_LEN];
  for (size_t b = 0; b < blocks; b++) {
    size_t take = len - b * B3_BLOCK_LEN < B3_BLOCK_LEN ? len - b * B3_BLOCK_LEN : B3_BLOCK_LEN;
    const uint8_t *block = in + b * B3_BLOCK_LEN;
    if (take < B3_BLOCK_LEN) {
      memset(pad, 0, sizeof pad);
      if (take > 0) memcpy(pad, block, take);
      block = pad;
    }
    uint8_t flags = mode;
    if (b == 0) flags |= B3_CHUNK_START;
    if (b == blocks - 1) flags |= B3_CHUNK_END | end_flags;
    b3_compress_cv(cv, block, (uint8_t)take, counter, flags);
  }
  for (int i = 0; i < 8; i++) b3_store32(out + 4 * i, cv[i]);
}

static void portable_blocks(const uint32_t key[8], uint8_t flags, uint8_t block_len,
                            const uint8_t *in, size_t count, uint8_t *out) {
  uint32_t cv[8];
  for (size_t i = 0; i < count; i++) {
    memcpy(cv, key, sizeof cv);
    b3_compress_cv(cv, in + B3_BLOCK_LEN * i, block_len, 0, flags);
    for (int w = 0; w < 8; w++) b3_store32(out + B3_OUT_LEN * i + 4 * w, cv[w]);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* AVX-512: 16 lanes.                                                                           */

#define AVX512 __attribute__((target("avx512f")))

typedef __m512i v16;

AVX512 static inline void g16(v16 *a, v16 *b, v16 *c, v16 *d, v16 x, v16 y) {
  *a = _mm512_add_epi32(_mm512_add_epi32(*a, *b), x);
  *d = _mm512_ror_epi32(_mm512_xor_si512(*d, *a), 16);
  *c = _mm512_add_epi32(*c, *d);
  *b = _mm512_ror_epi32(_mm512_xor_si512(*b, *c), 12);
  *a = _mm512_add_epi32(_mm512_add_epi32(*a, *b), y);
  *d = _mm512_ror_epi32(_mm512_xor_si512(*d, *a), 8);
  *c = _mm512_add_epi32(*c, *d);
  *b = _mm512_ror_epi32(_mm512_xor_si512(*b, *c), 7);
}

/* cv = compress(cv, m) for 16 lanes; counters per lane, block length and flags shared. */
AVX512 static inline void compress16(v16 cv[8], const v16 m[16], v16 ctr_lo, v16 ctr_hi,
                                     uint32_t block_len, uint32_t flags) {
  v16 v[16];
  for (int i = 0; i < 8; i++) v[i] = cv[i];
  for (int i = 0; i < 4; i++) v[8 + i] = _mm512_set1_epi32((int)B3_IV[i]);
  v[12] = ctr_lo;
  v[13] = ctr_hi;
  v[14] = _mm512_set1_epi32((int)block_len);
  v[15] = _mm512_set1_epi32((int)flags);
#pragma GCC unroll 7
  for (int r = 0; r < 7; r++) {
    const uint8_t *s = SCHEDULE[r];
    g16(&v[0], &v[4], &v[8], &v[12], m[s[0]], m[s[1]]);
    g16(&v[1], &v[5], &v[9], &v[13], m[s[2]], m[s[3]]);
    g16(&v[2], &v[6], &v[10], &v[14], m[s[4]], m[s[5]]);
    g16(&v[3], &v[7], &v[11], &v[15], m[s[6]], m[s[7]]);
    g16(&v[0], &v[5], &v[10], &v[15], m[s[8]], m[s[9]]);
    g16(&v[1], &v[6], &v[11], &v[12], m[s[10]], m[s[11]]);
    g16(&v[2], &v[7], &v[8], &v[13], m[s[12]], m[s[13]]);
    g16(&v[3], &v[4], &v[9], &v[14], m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; i++) cv[i] = _mm512_xor_si512(v[i], v[i + 8]);
}

/*
 * One step of a 16x16 word transpose: rows r and r|bit exchange bit `bit` (= 1 << k) of their row
 * index with the same bit of the column index (new[r][c] = old[r'][c'] with those bits swapped).
 * SWAP_LO[k] builds the row with the bit clear, SWAP_HI[k] the row with it set; indexes >= 16
 * pick from the second row. After the steps for k = 0..3, row w holds word w of every lane.
 */
static const uint32_t SWAP_LO[4][16] = {
    {0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30},
    {0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29},
    {0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27},
    {0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23},
};
static const uint32_t SWAP_HI[4][16] = {
    {1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31},
    {2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30, 31},
    {4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31},
    {8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31},
};

AVX512 static inline void swap_bits16(v16 *rows, int nrows, int k) {
  int bit = 1 << k;
  v16 lo_idx = _mm512_loadu_si512(SWAP_LO[k]);
  v16 hi_idx = _mm512_loadu_si512(SWAP_HI[k]);
  for (int r = 0; r < nrows; r++) {
    if (r & bit) continue;
    v16 a = rows[r], b = rows[r | bit];
    rows[r] = _mm512_permutex2var_epi32(a, lo_idx, b);
    rows[r | bit] = _mm512_permutex2var_epi32(a, hi_idx, b);
  }
}

/* m[w] = word w of the 64-byte block of every lane; lane i's block starts at blocks[i]. */
AVX512 static inline void load_transposed16(v16 m[16], const uint8_t *const blocks[16]) {
  for (int i = 0; i < 16; i++) m[i] = _mm512_loadu_si512(blocks[i]);
  for (int k = 0; k < 4; k++) swap_bits16(m, 16, k);
}

/* Lane i's 8 words of cv go to out + 32 i. */
AVX512 static inline void store_transposed16(v16 cv[8], uint8_t *out) {
  /* Exchanging the low three row bits with the low three column bits leaves row r holding lane r
   * in its low half and lane r + 8 in its high half. */
  for (int k = 0; k < 3; k++) swap_bits16(cv, 8, k);
  for (int r = 0; r < 8; r++) {
    _mm256_storeu_si256((__m256i *)(out + B3_OUT_LEN * r), _mm512_castsi512_si256(cv[r]));
    _mm256_storeu_si256((__m256i *)(out + B3_OUT_LEN * (r + 8)),
                        _mm512_extracti64x4_epi64(cv[r], 1));
  }
}

/* 16 single-block compressions; lane i's 64-byte block at blocks[i], its chaining value to
 * out + 32 i. */
AVX512 static void blocks16(const uint32_t key[8], uint8_t flags, uint8_t block_len,
                            const uint8_t *const blocks[16],
                            uint8_t *out) {
  v16 m[16], cv[8];
  load_transposed16(m, blocks);
  for (int i = 0; i < 8; i++) cv[i] = _mm512_set1_epi32((int)key[i]);
  v16 zero = _mm512_setzero_si512();
  compress16(cv, m, zero, zero, block_len, flags);
  /* Every input was read above, so out may overlap the inputs (in-place Merkle levels). */
  store_transposed16(cv, out);
}

/*
 * 16 messages of len <= 1024 bytes each, lane i's at msgs[i], hashed as chunks with the counter
 * counters[i]; end_flags (ROOT or 0) go on each last block. Lane i's result goes to out + 32 i.
 */
AVX512 static void chunks16(const uint32_t key[8], uint8_t mode, const uint8_t *const msgs[16],
                            size_t len, const uint64_t counters[16], uint8_t end_flags,
                            uint8_t *out) {
  uint32_t lo[16], hi[16];
  for (int i = 0; i < 16; i++) {
    lo[i] = (uint32_t)counters[i];
    hi[i] = (uint32_t)(counters[i] >> 32);
  }
  v16 ctr_lo = _mm512_loadu_si512(lo), ctr_hi = _mm512_loadu_si512(hi);
  v16 cv[8], m[16];
  for (int i = 0; i < 8; i++) cv[i] = _mm512_set1_epi32((int)key[i]);
  size_t nblocks = len == 0 ? 1 : (len + B3_BLOCK_LEN - 1) / B3_BLOCK_LEN;
  size_t tail = len - (nblocks - 1) * B3_BLOCK_LEN;
  const uint8_t *blocks[16];
  for (size_t b = 0; b < nblocks; b++) {
    uint8_t flags = mode;
    if (b == 0) flags |= B3_CHUNK_START;
    size_t block_len = B3_BLOCK_LEN;
    if (b == nblocks - 1) {
      flags |= B3_CHUNK_END | end_flags;
      block_len = tail;
    }
    if (block_len == B3_BLOCK_LEN) {
      for (int i = 0; i < 16; i++) blocks[i] = msgs[i] + B3_BLOCK_LEN * b;
      load_transposed16(m, blocks);
    } else {
      uint8_t pad[16][B3_BLOCK_LEN];
      memset(pad, 0, sizeof pad);
      for (int i = 0; i < 16; i++) {
        if (block_len > 0) memcpy(pad[i], msgs[i] + B3_BLOCK_LEN * b, block_len);
        blocks[i] = pad[i];
      }
      load_transposed16(m, blocks);
    }
    compress16(cv, m, ctr_lo, ctr_hi, (uint32_t)block_len, flags);
  }
  store_transposed16(cv, out);
}

/* ------------------------------------------------------------------------------------------ */
/* AVX2: 8 lanes.                                                                               */

#define AVX2 __attribute__((target("avx2")))

typedef __m256i v8;

AVX2 static inline v8 ror8_16(v8 x) {
  const v8 mask = _mm256_setr_epi8(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13, 2, 3, 0, 1,
                                   6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
  return _mm256_shuffle_epi8(x, mask);
}

AVX2 static inline v8 ror8_8(v8 x) {
  const v8 mask = _mm256_setr_epi8(1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12, 1, 2, 3, 0,
                                   5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12);
  return _mm256_shuffle_epi8(x, mask);
}

AVX2 static inline v8 ror8_n(v8 x, int n) {
  return _mm256_or_si256(_mm256_srli_epi32(x, n), _mm256_slli_epi32(x, 32 - n));
}

AVX2 static inline void g8(v8 *a, v8 *b, v8 *c, v8 *d, v8 x, v8 y) {
  *a = _mm256_add_epi32(_mm256_add_epi32(*a, *b), x);
  *d = ror8_16(_mm256_xor_si256(*d, *a));
  *c = _mm256_add_epi32(*c, *d);
  *b = ror8_n(_mm256_xor_si256(*b, *c), 12);
  *a = _mm256_add_epi32(_mm256_add_epi32(*a, *b), y);
  *d = ror8_8(_mm256_xor_si256(*d, *a));
  *c = _mm256_add_epi32(*c, *d);
  *b = ror8_n(_mm256_xor_si256(*b, *c), 7);
}

AVX2 static inline void compress8(v8 cv[8], const v8 m[16], v8 ctr_lo, v8 ctr_hi,
                                  uint32_t block_len, uint32_t flags) {
  v8 v[16];
  for (int i = 0; i < 8; i++) v[i] = cv[i];
  for (int i = 0; i < 4; i++) v[8 + i] = _mm256_set1_epi32((int)B3_IV[i]);
  v[12] = ctr_lo;
  v[13] = ctr_hi;
  v[14] = _mm256_set1_epi32((int)block_len);
  v[15] = _mm256_set1_epi32((int)flags);
#pragma GCC unroll 7
  for (int r = 0; r < 7; r++) {
    const uint8_t *s = SCHEDULE[r];
    g8(&v[0], &v[4], &v[8], &v[12], m[s[0]], m[s[1]]);
    g8(&v[1], &v[5], &v[9], &v[13], m[s[2]], m[s[3]]);
    g8(&v[2], &v[6], &v[10], &v[14], m[s[4]], m[s[5]]);
    g8(&v[3], &v[7], &v[11], &v[15], m[s[6]], m[s[7]]);
    g8(&v[0], &v[5], &v[10], &v[15], m[s[8]], m[s[9]]);
    g8(&v[1], &v[6], &v[11], &v[12], m[s[10]], m[s[11]]);
    g8(&v[2], &v[7], &v[8], &v[13], m[s[12]], m[s[13]]);
    g8(&v[3], &v[4], &v[9], &v[14], m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; i++) cv[i] = _mm256_xor_si256(v[i], v[i + 8]);
}

/* An 8x8 word transpose in three steps, each exchanging one row-index bit with a column bit. */
AVX2 static inline void transpose8(v8 x[8]) {
  for (int r = 0; r < 8; r += 2) {
    v8 a = x[r], b = x[r + 1];
    x[r] = _mm256_blend_epi32(a, _mm256_slli_epi64(b, 32), 0xAA);
    x[r + 1] = _mm256_blend_epi32(_mm256_srli_epi64(a, 32), b, 0xAA);
  }
  for (int r = 0; r < 8; r++) {
    if (r & 2) continue;
    v8 a = x[r], b = x[r + 2];
    x[r] = _mm256_unpacklo_epi64(a, b);
    x[r + 2] = _mm256_unpackhi_epi64(a, b);
  }
  for (int r = 0; r < 4; r++) {
    v8 a = x[r], b = x[r + 4];
    x[r] = _mm256_permute2x128_si256(a, b, 0x20);
    x[r + 4] = _mm256_permute2x128_si256(a, b, 0x31);
  }
}

AVX2 static inline void load_transposed8(v8 m[16], const uint8_t *const blocks[8]) {
  for (int i = 0; i < 8; i++) {
    m[i] = _mm256_loadu_si256((const __m256i *)blocks[i]);
    m[8 + i] = _mm256_loadu_si256((const __m256i *)(blocks[i] + 32));
  }
  transpose8(m);
  transpose8(m + 8);
}

AVX2 static inline void store_transposed8(v8 cv[8], uint8_t *out) {
  transpose8(cv);
  for (int i = 0; i < 8; i++) _mm256_storeu_si256((__m256i *)(out + B3_OUT_LEN * i), cv[i]);
}

AVX2 static void blocks8(const uint32_t key[8], uint8_t flags, uint8_t block_len,
                         const uint8_t *const blocks[8], uint8_t *out) {
  v8 m[16], cv[8];
  load_transposed8(m, blocks);
  for (int i = 0; i < 8; i++) cv[i] = _mm256_set1_epi32((int)key[i]);
  v8 zero = _mm256_setzero_si256();
  compress8(cv, m, zero, zero, block_len, flags);
  store_transposed8(cv, out);
}

AVX2 static void chunks8(const uint32_t key[8], uint8_t mode, const uint8_t *const msgs[8],
                         size_t len, const uint64_t counters[8], uint8_t end_flags, uint8_t *out) {
  uint32_t lo[8], hi[8];
  for (int i = 0; i < 8; i++) {
    lo[i] = (uint32_t)counters[i];
    hi[i] = (uint32_t)(counters[i] >> 32);
  }
  v8 ctr_lo = _mm256_loadu_si256((const __m256i *)lo);
  v8 ctr_hi = _mm256_loadu_si256((const __m256i *)hi);
  v8 cv[8], m[16];
  for (int i = 0; i < 8; i++) cv[i] = _mm256_set1_epi32((int)key[i]);
  size_t nblocks = len == 0 ? 1 : (len + B3_BLOCK_LEN - 1) / B3_BLOCK_LEN;
  size_t tail = len - (nblocks - 1) * B3_BLOCK_LEN;
  const uint8_t *blocks[8];
  for (size_t b = 0; b < nblocks; b++) {
    uint8_t flags = mode;
    if (b == 0) flags |= B3_CHUNK_START;
    size_t block_len = B3_BLOCK_LEN;
    if (b == nblocks - 1) {
      flags |= B3_CHUNK_END | end_flags;
      block_len = tail;
    }
    if (block_len == B3_BLOCK_LEN) {
      for (int i = 0; i < 8; i++) blocks[i] = msgs[i] + B3_BLOCK_LEN * b;
      load_transposed8(m, blocks);
    } else {
      uint8_t pad[8][B3_BLOCK_LEN];
      memset(pad, 0, sizeof pad);
      for (int i = 0; i < 8; i++) {
        if (block_len > 0) memcpy(pad[i], msgs[i] + B3_BLOCK_LEN * b, block_len);
        blocks[i] = pad[i];
      }
      load_transposed8(m, blocks);
    }
    compress8(cv, m, ctr_lo, ctr_hi, (uint32_t)block_len, flags);
  }
  store_transposed8(cv, out);
}

/* ------------------------------------------------------------------------------------------ */
/* Dispatch.                                                                                    */

static int detected_path = -1;

int b3_best_path(void) {
  int path = __atomic_load_n(&detected_path, __ATOMIC_RELAXED);
  if (path < 0) {
    __builtin_cpu_init();
    path = B3_PATH_PORTABLE;
    if (__builtin_cpu_supports("avx2")) path = B3_PATH_AVX2;
    /* The same feature set annals_kernels_cpu_features reports as AVX-512. */
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw"))
      path = B3_PATH_AVX512;
    __atomic_store_n(&detected_path, path, __ATOMIC_RELAXED);
  }
  return path;
}

static size_t lanes_of(int path) {
  return path >= B3_PATH_AVX512 ? 16 : path >= B3_PATH_AVX2 ? 8 : 1;
}

/*
 * count independent single-block messages of 64 bytes at in + 64 i, compressed with the key
 * words and flags; chaining value i to out + 32 i. A last partial group still runs in the vector
 * unit (one vector compression costs about two portable ones) with its idle lanes repeating lane
 * 0 and its results going through a scratch buffer. out may be in or below it: each group reads
 * all its inputs before it writes, and its outputs end before the next group's inputs begin.
 */
void b3_blocks(int path, const uint32_t key[8], uint8_t flags, const uint8_t *in, size_t count,
               uint8_t *out) {
  b3_short_blocks(path, key, flags, B3_BLOCK_LEN, in, count, out);
}

void b3_short_blocks(int path, const uint32_t key[8], uint8_t flags, uint8_t block_len,
                     const uint8_t *in, size_t count, uint8_t *out) {
  size_t lanes = lanes_of(path);
  size_t i = 0;
  while (count - i >= 2 && lanes > 1) {
    size_t n = count - i < lanes ? count - i : lanes;
    const uint8_t *blocks[16];
    for (size_t j = 0; j < lanes; j++) blocks[j] = in + B3_BLOCK_LEN * (i + (j < n ? j : 0));
    uint8_t scratch[16 * B3_OUT_LEN];
    uint8_t *dst = n == lanes ? out + B3_OUT_LEN * i : scratch;
    if (lanes == 16)
      blocks16(key, flags, block_len, blocks, dst);
    else
      blocks8(key, flags, block_len, blocks, dst);
    if (dst == scratch) memcpy(out + B3_OUT_LEN * i, scratch, B3_OUT_LEN * n);
    i += n;
  }
  portable_blocks(key, flags, block_len, in + B3_BLOCK_LEN * i, count - i, out + B3_OUT_LEN * i);
}

/* count chunk-sized messages (len <= 1024) at in + stride i with counter base + step i. */
static void b3_chunks(int path, const uint32_t key[8], uint8_t mode, const uint8_t *in,
                      size_t stride, size_t len, size_t count, uint64_t counter, uint64_t step,
                      uint8_t end_flags, uint8_t *out) {
  size_t lanes = lanes_of(path);
  size_t i = 0;
  while (count - i >= 2 && lanes > 1) {
    size_t n = count - i < lanes ? count - i : lanes;
    const uint8_t *msgs[16];
    uint64_t counters[16];
    for (size_t j = 0; j < lanes; j++) {
      size_t item = i + (j < n ? j : 0);
      msgs[j] = in + stride * item;
      counters[j] = counter + step * item;
    }
    uint8_t scratch[16 * B3_OUT_LEN];
    uint8_t *dst = n == lanes ? out + B3_OUT_LEN * i : scratch;
    if (lanes == 16)
      chunks16(key, mode, msgs, len, counters, end_flags, dst);
    else
      chunks8(key, mode, msgs, len, counters, end_flags, dst);
    if (dst == scratch) memcpy(out + B3_OUT_LEN * i, scratch, B3_OUT_LEN * n);
    i += n;
  }
  for (; i < count; i++)
    portable_chunk(key, mode, in + stride * i, len, counter + step * i, end_flags,
                   out + B3_OUT_LEN * i);
}

/* Below this many chunks the chaining values live on the stack, above it on the heap. */
#define STACK_CHUNKS 64

/*
 * Reduces nodes >= 2 chaining values at cvs (overwritten) to the root's two children, left in
 * cvs[0, 64): each level is paired left to right, an odd last node moving up unchanged, which
 * builds the BLAKE3 tree (every left subtree complete and as large as possible).
 */
static void reduce_to_two(int path, const uint32_t key[8], uint8_t mode, uint8_t *cvs,
                          size_t nodes) {
  while (nodes > 2) {
    size_t pairs = nodes / 2;
    b3_blocks(path, key, mode | B3_PARENT, cvs, pairs, cvs);
    if (nodes & 1) memmove(cvs + B3_OUT_LEN * pairs, cvs + B3_OUT_LEN * (nodes - 1), B3_OUT_LEN);
    nodes = pairs + (nodes & 1);
  }
}

/* reduce_to_two, then the top parent with top_flags (ROOT or 0). */
static void reduce(int path, const uint32_t key[8], uint8_t mode, uint8_t *cvs, size_t nodes,
                   uint8_t top_flags, uint8_t out[B3_OUT_LEN]) {
  reduce_to_two(path, key, mode, cvs, nodes);
  uint32_t top[8];
  memcpy(top, key, sizeof top);
  b3_compress_cv(top, cvs, B3_BLOCK_LEN, 0, mode | B3_PARENT | top_flags);
  for (int i = 0; i < 8; i++) b3_store32(out + 4 * i, top[i]);
}

/*
 * The tree over in[0, len) whose first chunk has the given counter: the root hash when
 * top_flags is ROOT, else the chaining value of that subtree of a longer input.
 */
static int tree(int path, const uint32_t key[8], uint8_t mode, const uint8_t *in, size_t len,
                uint64_t counter, uint8_t top_flags, uint8_t out[B3_OUT_LEN]) {
  if (len <= B3_CHUNK_LEN) {
    portable_chunk(key, mode, in, len, counter, top_flags, out);
    return 0;
  }
  size_t chunks = (len + B3_CHUNK_LEN - 1) / B3_CHUNK_LEN;
  uint8_t stack_cvs[STACK_CHUNKS * B3_OUT_LEN];
  uint8_t *cvs = stack_cvs;
  if (chunks > STACK_CHUNKS) {
    cvs = malloc(chunks * B3_OUT_LEN);
    if (cvs == NULL) return -3;
  }
  /* Whole chunks go to the lanes, a short last one alone; none is the top node since there are
   * at least two. */
  size_t whole = len / B3_CHUNK_LEN;
  b3_chunks(path, key, mode, in, B3_CHUNK_LEN, B3_CHUNK_LEN, whole, counter, 1, 0, cvs);
  if (whole < chunks)
    portable_chunk(key, mode, in + B3_CHUNK_LEN * whole, len - B3_CHUNK_LEN * whole,
                   counter + whole, 0, cvs + B3_OUT_LEN * whole);
  reduce(path, key, mode, cvs, chunks, top_flags, out);
  if (cvs != stack_cvs) free(cvs);
  return 0;
}

int b3_hash(int path, const uint32_t key[8], uint8_t mode, const uint8_t *in, size_t len,
            uint8_t out[B3_OUT_LEN]) {
  return tree(path, key, mode, in, len, 0, B3_ROOT, out);
}

int b3_hash_batch(int path, const uint8_t *in, size_t len, size_t count, uint8_t *out) {
  if (len <= B3_CHUNK_LEN) {
    b3_chunks(path, B3_IV, 0, in, len, len, count, 0, 0, B3_ROOT, out);
    return 0;
  }
  for (size_t i = 0; i < count; i++) {
    int rc = b3_hash(path, B3_IV, 0, in + len * i, len, out + B3_OUT_LEN * i);
    if (rc != 0) return rc;
  }
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Exports. Offsets and lengths are checked by the Java side; negative values are refused here
 * too so a wrong call fails instead of touching memory it should not. */

static void key_words(const uint8_t *key, uint32_t words[8], uint8_t *mode) {
  if (key == NULL) {
    memcpy(words, B3_IV, 8 * sizeof(uint32_t));
    *mode = 0;
  } else {
    for (int i = 0; i < 8; i++) words[i] = b3_load32(key + 4 * i);
    *mode = B3_KEYED_HASH;
  }
}

/* The path the exported functions use on this CPU: 0 portable, 1 AVX2, 2 AVX-512. */
ANNALS_EXPORT int32_t annals_blake3_path(void) { return b3_best_path(); }

ANNALS_EXPORT int32_t annals_blake3_keyed64_batch(const uint8_t *key, const uint8_t *in,
                                                  int64_t in_off, int64_t count, uint8_t *out,
                                                  int64_t out_off) {
  if (in_off < 0 || out_off < 0 || count < 0) return -2;
  uint32_t words[8];
  uint8_t mode;
  key_words(key, words, &mode);
  b3_blocks(b3_best_path(), words, B3_CHUNK_START | B3_CHUNK_END | B3_ROOT | B3_KEYED_HASH,
            in + in_off, (size_t)count, out + out_off);
  return 0;
}

ANNALS_EXPORT int32_t annals_blake3_hash_batch(const uint8_t *in, int64_t in_off, int64_t len,
                                               int64_t count, uint8_t *out, int64_t out_off) {
  if (in_off < 0 || out_off < 0 || len < 0 || count < 0) return -2;
  return b3_hash_batch(b3_best_path(), in + in_off, (size_t)len, (size_t)count, out + out_off);
}

/* The plain (key NULL) or keyed hash of in[in_off, +len). */
ANNALS_EXPORT int32_t annals_blake3_hash(const uint8_t *key, const uint8_t *in, int64_t in_off,
                                         int64_t len, uint8_t *out) {
  if (in_off < 0 || len < 0) return -2;
  uint32_t words[8];
  uint8_t mode;
  key_words(key, words, &mode);
  return b3_hash(b3_best_path(), words, mode, in + in_off, (size_t)len, out);
}

/*
 * A long input hashed in several short calls: the chaining value of the subtree over
 * in[in_off, +len) whose first chunk is number chunk_counter. The caller cuts the input at
 * multiples of a power-of-two number of chunks (so each piece is a complete subtree of the whole,
 * except the last one) and passes the pieces' values to annals_blake3_root_of_subtrees.
 */
ANNALS_EXPORT int32_t annals_blake3_subtree(const uint8_t *key, const uint8_t *in, int64_t in_off,
                                            int64_t len, int64_t chunk_counter, uint8_t *out) {
  if (in_off < 0 || len <= 0 || chunk_counter < 0) return -2;
  uint32_t words[8];
  uint8_t mode;
  key_words(key, words, &mode);
  return tree(b3_best_path(), words, mode, in + in_off, (size_t)len, (uint64_t)chunk_counter, 0,
              out);
}

/*
 * The first out_len bytes of the root output over count >= 2 subtree chaining values at cvs
 * (which it overwrites): out_len 32 is the hash, longer is extendable output (the root
 * compression repeated with output block counters 0, 1, 2, ...).
 */
ANNALS_EXPORT int32_t annals_blake3_root_of_subtrees(const uint8_t *key, uint8_t *cvs,
                                                     int64_t count, uint8_t *out,
                                                     int64_t out_len) {
  if (count < 2 || out_len < 0) return -2;
  uint32_t words[8];
  uint8_t mode;
  key_words(key, words, &mode);
  reduce_to_two(b3_best_path(), words, mode, cvs, (size_t)count);
  uint8_t block[B3_BLOCK_LEN];
  for (int64_t done = 0, t = 0; done < out_len; done += B3_BLOCK_LEN, t++) {
    b3_compress_xof(words, cvs, B3_BLOCK_LEN, (uint64_t)t, mode | B3_PARENT | B3_ROOT, block);
    int64_t take = out_len - done < B3_BLOCK_LEN ? out_len - done : B3_BLOCK_LEN;
    memcpy(out + done, block, (size_t)take);
  }
  return 0;
}

/*
 * Test entry: runs one operation on a forced path so tests can hold every path to the Java
 * kernel. op 0: keyed 64-byte batch (key required, len ignored); op 1: hash batch; op 2: hash of
 * in[0, len) (key NULL for plain). Returns -1 when this CPU lacks the path, -2 for bad arguments.
 */
ANNALS_EXPORT int32_t annals_blake3_forced(int32_t path, int32_t op, const uint8_t *key,
                                           const uint8_t *in, int64_t len, int64_t count,
                                           uint8_t *out) {
  if (path < B3_PATH_PORTABLE || path > B3_PATH_AVX512) return -2;
  if (path > b3_best_path()) return -1;
  if (len < 0 || count < 0) return -2;
  uint32_t words[8];
  uint8_t mode;
  key_words(key, words, &mode);
  switch (op) {
    case 0:
      if (key == NULL) return -2;
      b3_blocks(path, words, B3_CHUNK_START | B3_CHUNK_END | B3_ROOT | B3_KEYED_HASH, in,
                (size_t)count, out);
      return 0;
    case 1:
      return b3_hash_batch(path, in, (size_t)len, (size_t)count, out);
    case 2:
      return b3_hash(path, words, mode, in, (size_t)len, out);
    default:
      return -2;
  }
}
