#include "blake3_core.h"

#include <string.h>

const uint32_t B3_IV[8] = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
                           0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};

/* The message word order of each of the seven rounds (the permutation applied round by round). */
const uint8_t B3_MSG_SCHEDULE[7][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8},
    {3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1},
    {10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6},
    {12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4},
    {9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7},
    {11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13},
};

static inline uint32_t rotr(uint32_t w, unsigned c) { return (w >> c) | (w << (32 - c)); }

static inline void mix(uint32_t v[16], int a, int b, int c, int d, uint32_t x, uint32_t y) {
  v[a] = v[a] + v[b] + x;
  v[d] = rotr(v[d] ^ v[a], 16);
  v[c] = v[c] + v[d];
  v[b] = rotr(v[b] ^ v[c], 12);
  v[a] = v[a] + v[b] + y;
  v[d] = rotr(v[d] ^ v[a], 8);
  v[c] = v[c] + v[d];
  v[b] = rotr(v[b] ^ v[c], 7);
}

static void rounds(uint32_t v[16], const uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN],
                   uint8_t block_len, uint64_t counter, uint8_t flags) {
  uint32_t m[16];
  for (int i = 0; i < 16; i++) m[i] = b3_load32(block + 4 * i);
  memcpy(v, cv, 8 * sizeof(uint32_t));
  v[8] = B3_IV[0];
  v[9] = B3_IV[1];
  v[10] = B3_IV[2];
  v[11] = B3_IV[3];
  v[12] = (uint32_t)counter;
  v[13] = (uint32_t)(counter >> 32);
  v[14] = block_len;
  v[15] = flags;
  for (int r = 0; r < 7; r++) {
    const uint8_t *s = B3_MSG_SCHEDULE[r];
    mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
    mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
    mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
    mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
    mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
    mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
    mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
    mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
}

void b3_compress_cv(uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint8_t block_len,
                    uint64_t counter, uint8_t flags) {
  uint32_t v[16];
  rounds(v, cv, block, block_len, counter, flags);
  for (int i = 0; i < 8; i++) cv[i] = v[i] ^ v[i + 8];
}

void b3_compress_xof(const uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint8_t block_len,
                     uint64_t counter, uint8_t flags, uint8_t out[64]) {
  uint32_t v[16];
  rounds(v, cv, block, block_len, counter, flags);
  for (int i = 0; i < 8; i++) {
    b3_store32(out + 4 * i, v[i] ^ v[i + 8]);
    b3_store32(out + 32 + 4 * i, v[i + 8] ^ cv[i]);
  }
}

void b3_hash_chunk(const uint32_t key[8], uint8_t mode_flags, const uint8_t *input, size_t len,
                   uint8_t out[B3_OUT_LEN]) {
  uint32_t cv[8];
  memcpy(cv, key, sizeof cv);
  uint8_t block[B3_BLOCK_LEN];
  size_t blocks = len == 0 ? 1 : (len + B3_BLOCK_LEN - 1) / B3_BLOCK_LEN;
  for (size_t i = 0; i < blocks; i++) {
    size_t start = i * B3_BLOCK_LEN;
    size_t take = len - start < B3_BLOCK_LEN ? len - start : B3_BLOCK_LEN;
    const uint8_t *src = input + start;
    if (take < B3_BLOCK_LEN) {
      memset(block, 0, sizeof block);
      if (take > 0) memcpy(block, src, take);
      src = block;
    }
    uint8_t flags = mode_flags;
    if (i == 0) flags |= B3_CHUNK_START;
    if (i == blocks - 1) flags |= B3_CHUNK_END | B3_ROOT;
    b3_compress_cv(cv, src, (uint8_t)take, 0, flags);
  }
  for (int i = 0; i < 8; i++) b3_store32(out + 4 * i, cv[i]);
}
