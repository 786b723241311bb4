#ifndef ANNALS_BLAKE3_CORE_H
#define ANNALS_BLAKE3_CORE_H

/* The portable BLAKE3 core shared by every C kernel (hidden, not exported). */

#include <stddef.h>
#include <stdint.h>

#define B3_BLOCK_LEN 64
#define B3_CHUNK_LEN 1024
#define B3_OUT_LEN 32

enum {
  B3_CHUNK_START = 1,
  B3_CHUNK_END = 2,
  B3_PARENT = 4,
  B3_ROOT = 8,
  B3_KEYED_HASH = 16,
  B3_DERIVE_KEY_CONTEXT = 32,
  B3_DERIVE_KEY_MATERIAL = 64,
};

extern const uint32_t B3_IV[8];
extern const uint8_t B3_MSG_SCHEDULE[7][16];

static inline uint32_t b3_load32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline void b3_store32(uint8_t *p, uint32_t w) {
  p[0] = (uint8_t)w;
  p[1] = (uint8_t)(w >> 8);
  p[2] = (uint8_t)(w >> 16);
  p[3] = (uint8_t)(w >> 24);
}

/* One compression of a 64-byte block into a chaining value: cv = first 8 output words. */
void b3_compress_cv(uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint8_t block_len,
                    uint64_t counter, uint8_t flags);

/* The full 16-word output of one compression (for XOF and root output). */
void b3_compress_xof(const uint32_t cv[8], const uint8_t block[B3_BLOCK_LEN], uint8_t block_len,
                     uint64_t counter, uint8_t flags, uint8_t out[64]);

/*
 * The 32-byte hash of an input of at most one chunk (1024 bytes), with the given key words
 * (B3_IV for plain hashing) and mode flags (0, B3_KEYED_HASH, ...). Enough for every small,
 * fixed-size hash in the hot kernels (Merkle nodes, proof-of-space fn inputs).
 */
void b3_hash_chunk(const uint32_t key[8], uint8_t mode_flags, const uint8_t *input, size_t len,
                   uint8_t out[B3_OUT_LEN]);

#endif
