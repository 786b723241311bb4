#ifndef ANNALS_BLAKE3_BATCH_H
#define ANNALS_BLAKE3_BATCH_H

/* Many-lane BLAKE3 (hidden, not exported): AVX-512 16 lanes, AVX2 8 lanes, portable remainder. */

#include <stddef.h>
#include <stdint.h>

#include "blake3_core.h"

enum { B3_PATH_PORTABLE = 0, B3_PATH_AVX2 = 1, B3_PATH_AVX512 = 2 };

/* The widest path this CPU runs. */
int b3_best_path(void);

/*
 * count independent single-block compressions of the 64-byte blocks at in + 64 i with the given
 * key words, counter 0 and flags; chaining value i goes to out + 32 i. out may be in, or any
 * address at or below it (in-place Merkle level reduction).
 */
void b3_blocks(int path, const uint32_t key[8], uint8_t flags, const uint8_t *in, size_t count,
               uint8_t *out);

/*
 * b3_blocks for blocks that hold only block_len message bytes, zero-padded to 64 in memory (the
 * compression's block length word says how many count): single-block messages of equal length,
 * such as proof-of-space fn inputs hashed with flags CHUNK_START | CHUNK_END | ROOT.
 */
void b3_short_blocks(int path, const uint32_t key[8], uint8_t flags, uint8_t block_len,
                     const uint8_t *in, size_t count, uint8_t *out);

/* The 32-byte hash of in[0, len) with the key words and mode flag (0 or B3_KEYED_HASH). Returns 0,
 * or -3 when memory for the chunk chaining values could not be had. */
int b3_hash(int path, const uint32_t key[8], uint8_t mode, const uint8_t *in, size_t len,
            uint8_t out[B3_OUT_LEN]);

/* count plain hashes of the len-byte messages at in + len i, hash i to out + 32 i. */
int b3_hash_batch(int path, const uint8_t *in, size_t len, size_t count, uint8_t *out);

#endif
