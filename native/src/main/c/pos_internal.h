#ifndef ANNALS_POS_INTERNAL_H
#define ANNALS_POS_INTERNAL_H

/* Shared between the proof-of-space C files (hidden, not exported). */

#include <stddef.h>
#include <stdint.h>

#define POS_EXT 6
#define POS_M 64
#define POS_B 119
#define POS_C 127
#define POS_BC (POS_B * POS_C)
#define POS_BUCKET_CAP 272
#define POS_MATCH_CAP 288
/* A pair's match slot: the cap plus one left entry's worst case (64 targets x 2 right entries). */
#define POS_MATCH_SLOT (POS_MATCH_CAP + 2 * POS_M)
#define POS_MAX_THREADS 64
/* A worker's Rmap: POS_BC words, then a bitmap of the occupied offsets. */
#define POS_RMAP_WORDS (POS_BC + (POS_BC + 31) / 32)

/* Instruction-set paths; tests force each one, production passes POS_PATH_AUTO. */
enum { POS_PATH_AUTO = -1, POS_PATH_PORTABLE = 0, POS_PATH_AVX2 = 1, POS_PATH_AVX512 = 2 };

/* The path to use for a request, or -1 when this CPU cannot run the requested one. */
int pos_resolve_path(int requested);

/* Whole 64-byte ChaCha8 blocks first_block.. into out (blocks * 64 bytes). */
void pos_chacha8_blocks(const uint8_t key[32], uint64_t first_block, uint8_t *out, size_t blocks,
                        int path);

/*
 * Matches a left bucket (its y values) with the next bucket. rmap is POS_RMAP_WORDS zeroed words, left
 * zeroed on return. Writes the in-bucket indices of up to POS_MATCH_SLOT matches in Abundance's
 * order and returns how many of them count (at most POS_MATCH_CAP).
 */
uint32_t pos_match_pair(int path, uint32_t left_bucket, const uint32_t *left_ys,
                        uint32_t left_count, const uint32_t *right_ys, uint32_t right_count,
                        uint32_t *rmap, uint16_t *out_left, uint16_t *out_right);

typedef unsigned __int128 pos_u128;

/* fn inputs hashed per batch (bounds the stack a batch needs). */
#define POS_FN_BATCH 64

/*
 * fn for table (2..7) of n matches: y from the left y and both parents' metadata (each
 * parent-table wide); metadata into meta_out unless it is NULL (table 7 has none).
 */
void pos_fn_many(int k, int table, uint32_t n, const uint32_t *left_ys,
                 const pos_u128 *meta_left, const pos_u128 *meta_right, uint32_t *ys_out,
                 pos_u128 *meta_out);

/* Metadata width in bits of a table (1..7). */
static inline int pos_meta_bits(int k, int table) {
  static const int factor[8] = {0, 1, 2, 4, 4, 3, 2, 0};
  return k * factor[table];
}

#endif
