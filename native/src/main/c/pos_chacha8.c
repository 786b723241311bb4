#include <string.h>

#include "annals_kernels.h"
#include "pos_internal.h"

/*
 * ChaCha with 8 rounds for proof-of-space table 1: "expand 32-byte k", the key as 8 LE words, a
 * 64-bit block counter in words 12-13 and a zero nonce (the same bytes as the IETF layout for the
 * first 2^32 blocks). The vector paths run one block per lane and are written once with GCC vector
 * extensions, instantiated at 8 lanes (AVX2) and 16 lanes (AVX-512).
 */

static const uint32_t SIGMA[4] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

#define ROTL(v, n) (((v) << (n)) | ((v) >> (32 - (n))))
#define QR(x, a, b, c, d)                                                                          \
  do {                                                                                             \
    x[a] += x[b];                                                                                  \
    x[d] = ROTL(x[d] ^ x[a], 16);                                                                  \
    x[c] += x[d];                                                                                  \
    x[b] = ROTL(x[b] ^ x[c], 12);                                                                  \
    x[a] += x[b];                                                                                  \
    x[d] = ROTL(x[d] ^ x[a], 8);                                                                   \
    x[c] += x[d];                                                                                  \
    x[b] = ROTL(x[b] ^ x[c], 7);                                                                   \
  } while (0)
#define DOUBLE_ROUND(x)                                                                            \
  do {                                                                                             \
    QR(x, 0, 4, 8, 12);                                                                            \
    QR(x, 1, 5, 9, 13);                                                                            \
    QR(x, 2, 6, 10, 14);                                                                           \
    QR(x, 3, 7, 11, 15);                                                                           \
    QR(x, 0, 5, 10, 15);                                                                           \
    QR(x, 1, 6, 11, 12);                                                                           \
    QR(x, 2, 7, 8, 13);                                                                            \
    QR(x, 3, 4, 9, 14);                                                                            \
  } while (0)

static inline uint32_t load_le32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline void store_le32(uint8_t *p, uint32_t w) {
  p[0] = (uint8_t)w;
  p[1] = (uint8_t)(w >> 8);
  p[2] = (uint8_t)(w >> 16);
  p[3] = (uint8_t)(w >> 24);
}

static void init_state(const uint8_t key[32], uint32_t state[16]) {
  memcpy(state, SIGMA, sizeof SIGMA);
  for (int i = 0; i < 8; i++) state[4 + i] = load_le32(key + 4 * i);
  state[14] = 0;
  state[15] = 0;
}

static void blocks_portable(const uint32_t state[16], uint64_t counter, uint8_t *out,
                            size_t blocks) {
  for (size_t blk = 0; blk < blocks; blk++, counter++) {
    uint32_t x[16];
    memcpy(x, state, 16 * sizeof(uint32_t));
    x[12] = (uint32_t)counter;
    x[13] = (uint32_t)(counter >> 32);
    uint32_t in12 = x[12], in13 = x[13];
    for (int r = 0; r < 8; r += 2) DOUBLE_ROUND(x);
    for (int i = 0; i < 16; i++) {
      uint32_t add = i == 12 ? in12 : i == 13 ? in13 : state[i];
      store_le32(out + 64 * blk + 4 * i, x[i] + add);
    }
  }
}

/*
 * LANES blocks at once; lane j computes block counter + j. Output is transposed lane by lane into
 * block order. Returns the blocks done (a multiple of LANES); the caller finishes the tail.
 */
#define DEFINE_WIDE(name, isa, LANES)                                                              \
  typedef uint32_t name##_vec __attribute__((vector_size(4 * LANES)));                             \
  __attribute__((target(isa))) static size_t name(const uint32_t state[16],                        \
                                                     uint64_t counter, uint8_t *out,               \
                                                     size_t blocks) {                              \
    size_t done = 0;                                                                               \
    for (; done + LANES <= blocks; done += LANES, counter += LANES) {                              \
      name##_vec x[16], in[16];                                                                    \
      uint32_t lo[LANES], hi[LANES];                                                               \
      for (int j = 0; j < LANES; j++) {                                                            \
        uint64_t c = counter + (uint64_t)j;                                                        \
        lo[j] = (uint32_t)c;                                                                       \
        hi[j] = (uint32_t)(c >> 32);                                                               \
      }                                                                                            \
      for (int i = 0; i < 16; i++) in[i] = (name##_vec){0} + state[i];                             \
      memcpy(&in[12], lo, sizeof lo);                                                              \
      memcpy(&in[13], hi, sizeof hi);                                                              \
      for (int i = 0; i < 16; i++) x[i] = in[i];                                                   \
      for (int r = 0; r < 8; r += 2) DOUBLE_ROUND(x);                                              \
      for (int i = 0; i < 16; i++) x[i] += in[i];                                                  \
      uint8_t *o = out + 64 * done;                                                                \
      for (int j = 0; j < LANES; j++) {                                                            \
        for (int i = 0; i < 16; i++) store_le32(o + 64 * j + 4 * i, x[i][j]);                      \
      }                                                                                            \
    }                                                                                              \
    return done;                                                                                   \
  }

DEFINE_WIDE(blocks_avx2, "avx2", 8)
DEFINE_WIDE(blocks_avx512, "avx512f,avx512vl,avx512bw", 16)

void pos_chacha8_blocks(const uint8_t key[32], uint64_t first_block, uint8_t *out, size_t blocks,
                        int path) {
  uint32_t state[16];
  init_state(key, state);
  size_t done = 0;
  if (path == POS_PATH_AVX512) {
    done = blocks_avx512(state, first_block, out, blocks);
  } else if (path == POS_PATH_AVX2) {
    done = blocks_avx2(state, first_block, out, blocks);
  }
  blocks_portable(state, first_block + done, out + 64 * done, blocks - done);
}

/*
 * Test entry: len keystream bytes from block first_block on, on the given path (-1 = best). Returns
 * 0, -1 for a bad length or counter, -2 when this CPU cannot run the path.
 */
ANNALS_EXPORT int32_t annals_chacha8_keystream(const uint8_t *key, int64_t first_block,
                                               uint8_t *out, int64_t len, int32_t path) {
  if (len < 0 || first_block < 0) return -1;
  int p = pos_resolve_path(path);
  if (p < 0) return -2;
  size_t whole = (size_t)len / 64;
  pos_chacha8_blocks(key, (uint64_t)first_block, out, whole, p);
  if ((size_t)len > whole * 64) {
    uint8_t tail[64];
    pos_chacha8_blocks(key, (uint64_t)first_block + whole, tail, 1, POS_PATH_PORTABLE);
    memcpy(out + whole * 64, tail, (size_t)len - whole * 64);
  }
  return 0;
}
