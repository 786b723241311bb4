#include <string.h>

#include "blake3_batch.h"
#include "blake3_core.h"
#include "pos_internal.h"

/*
 * Chia's fn for tables 2..7: plain BLAKE3 (one block, through the shared core) of
 * y_left (k+6 bits) || meta_left || meta_right, most significant bit first and zero padded to whole
 * bytes. y = the first k+6 hash bits; metadata = meta_left || meta_right for tables 2 and 3, hash
 * bits [k+6, k+6+width) for tables 4..6, none for table 7.
 */

/*
 * A bit string of up to 256 bits held right-aligned in two 128-bit halves, kept in registers:
 * building it in memory word by word and reading it back wide stalls store forwarding.
 */
typedef struct {
  pos_u128 hi, lo;
} bits256;

/* Appends the low width (1..127) bits of value. */
static inline void append(bits256 *s, pos_u128 value, int width) {
  s->hi = (s->hi << width) | (s->lo >> (128 - width));
  s->lo = (s->lo << width) | value;
}

static inline uint32_t bswap32(uint32_t v) { return __builtin_bswap32(v); }

/* y_left || meta_left || meta_right as a zero-padded BLAKE3 block; returns its length in bytes. */
static inline int pack(int y_bits, int parent_bits, uint32_t left_y, pos_u128 meta_left,
                       pos_u128 meta_right, uint8_t block[B3_BLOCK_LEN]) {
  bits256 s = {0, left_y};
  append(&s, meta_left, parent_bits);
  append(&s, meta_right, parent_bits);
  int total = y_bits + 2 * parent_bits;
  /* Move the string to the top (bit 0 = most significant bit of byte 0); total is 42..231. */
  int shift = 256 - total;
  if (shift >= 128) {
    s.hi = s.lo << (shift - 128);
    s.lo = 0;
  } else {
    s.hi = (s.hi << shift) | (s.lo >> (128 - shift));
    s.lo <<= shift;
  }
  uint64_t words[4] = {__builtin_bswap64((uint64_t)(s.hi >> 64)), __builtin_bswap64((uint64_t)s.hi),
                       __builtin_bswap64((uint64_t)(s.lo >> 64)), __builtin_bswap64((uint64_t)s.lo)};
  memcpy(block, words, 32);
  memset(block + 32, 0, 32);
  return (total + 7) >> 3;
}

/*
 * The one place fn inputs are hashed: n single-block inputs of len bytes each (zero-padded to 64)
 * into n chaining values, 16 or 8 at once in the shared BLAKE3 lanes. On x86-64 a chaining
 * value's little-endian bytes are its words in memory, so the lanes write cvs directly.
 */
static void hash_blocks(const uint8_t *blocks, int len, uint32_t n, uint32_t (*cvs)[8]) {
  b3_short_blocks(b3_best_path(), B3_IV, B3_CHUNK_START | B3_CHUNK_END | B3_ROOT, (uint8_t)len,
                  blocks, n, (uint8_t *)cvs);
}

/* y and metadata of one hash (see the file comment). */
static inline uint32_t unpack(int k, int table, int y_bits, int parent_bits, const uint32_t cv[8],
                              pos_u128 meta_left, pos_u128 meta_right, pos_u128 *meta_out) {
  /* The hash bytes are cv's words little-endian; read big-endian they are bswap32(cv[i]). */
  uint32_t y = bswap32(cv[0]) >> (32 - y_bits);
  if (table <= 3) {
    *meta_out = (meta_left << parent_bits) | meta_right;
  } else if (table < 7) {
    int width = pos_meta_bits(k, table);
    uint64_t h0 = ((uint64_t)bswap32(cv[0]) << 32) | bswap32(cv[1]);
    uint64_t h1 = ((uint64_t)bswap32(cv[2]) << 32) | bswap32(cv[3]);
    uint64_t h2 = ((uint64_t)bswap32(cv[4]) << 32) | bswap32(cv[5]);
    /* 128 bits from bit y_bits (18..31, never 0), then the top width of them. */
    pos_u128 top = (((pos_u128)h0 << 64) | h1) << y_bits;
    top |= h2 >> (64 - y_bits);
    *meta_out = top >> (128 - width);
  }
  return y;
}

void pos_fn_many(int k, int table, uint32_t n, const uint32_t *left_ys,
                 const pos_u128 *meta_left, const pos_u128 *meta_right, uint32_t *ys_out,
                 pos_u128 *meta_out) {
  int y_bits = k + POS_EXT;
  int parent_bits = pos_meta_bits(k, table - 1);
  uint8_t blocks[POS_FN_BATCH * B3_BLOCK_LEN];
  uint32_t cvs[POS_FN_BATCH][8];
  pos_u128 ignored;
  for (uint32_t start = 0; start < n; start += POS_FN_BATCH) {
    uint32_t count = n - start < POS_FN_BATCH ? n - start : POS_FN_BATCH;
    int len = 0;
    for (uint32_t i = 0; i < count; i++) {
      len = pack(y_bits, parent_bits, left_ys[start + i], meta_left[start + i],
                 meta_right[start + i], blocks + (size_t)i * B3_BLOCK_LEN);
    }
    hash_blocks(blocks, len, count, cvs);
    for (uint32_t i = 0; i < count; i++) {
      pos_u128 *out = meta_out != NULL ? &meta_out[start + i] : &ignored;
      ys_out[start + i] = unpack(k, table, y_bits, parent_bits, cvs[i], meta_left[start + i],
                                 meta_right[start + i], out);
    }
  }
}
