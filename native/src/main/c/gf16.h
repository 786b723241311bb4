#ifndef ANNALS_GF16_H
#define ANNALS_GF16_H

/*
 * Reed-Solomon over GF(2^16), the field and transforms of reed-solomon-simd (high rate). See
 * docs/kernels-erasure.md for the normative algorithm and docs/kernels-native.md for this kernel.
 *
 * Rows are in the crate's shard layout, whole 64-byte blocks: bytes 0..31 of a block are the low
 * bytes of 32 elements, bytes 32..63 their high bytes. Every operation is column-wise, so a row
 * may be any run of blocks of a shard (a strip), and a run of consecutive rows is one flat byte
 * range: the butterflies below work on such runs.
 */

#include <stddef.h>
#include <stdint.h>

#define GF16_ORDER 65536
#define GF16_MODULUS 65535
#define GF16_BLOCK 64

/* Tables, built once when the library loads (gf16.c). */
extern uint16_t gf16_log[GF16_ORDER];
extern uint16_t gf16_exp[GF16_ORDER];
extern uint16_t gf16_skew[GF16_MODULUS];

/*
 * Branch-free products for the portable path: gf16_log_ext is LOG with log(0) moved to
 * GF16_ZERO_LOG, past every reachable sum, and gf16_exp_ext[i] = EXP[i mod 65535] below it and 0
 * from there on, so x * c = gf16_exp_ext[gf16_log_ext[x] + log(c)] even for x = 0.
 */
#define GF16_ZERO_LOG (2 * GF16_MODULUS)
extern uint32_t gf16_log_ext[GF16_ORDER];
extern uint16_t gf16_exp_ext[GF16_ZERO_LOG + GF16_ORDER];

/*
 * Products of one constant c with every nibble value, split into result bytes: lo[n][v] and
 * hi[n][v] are the low and high byte of c * (v << 4n). Nibble n = 0, 1 are the low and high
 * nibble of an element's low byte, n = 2, 3 of its high byte. Filled per butterfly group.
 */
typedef struct {
  uint8_t lo[4][16];
  uint8_t hi[4][16];
} gf16_nibbles;

/* c = the element whose logarithm is log (65535 and 0 both give 1, as the crate's mul does). */
void gf16_fill_nibbles(uint32_t log, gf16_nibbles *t);

/* One instruction-set path: the butterflies and row operations on runs of whole blocks. */
typedef struct {
  /* a ^= b * c; b ^= a */
  void (*fft_butterfly)(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log, const gf16_nibbles *t);
  /* b ^= a; a ^= b * c */
  void (*ifft_butterfly)(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log, const gf16_nibbles *t);
  /* a *= c */
  void (*mul)(uint8_t *a, size_t bytes, uint32_t log, const gf16_nibbles *t);
  /* dst ^= src */
  void (*xor_into)(uint8_t *dst, const uint8_t *src, size_t bytes);
  /*
   * Two FFT layers fused over quarters q0..q3 (q_i = a + i * bytes): first half-width 2h with
   * factor t[0] on (q0, q2) and (q1, q3), then half-width h with t[1] on (q0, q1) and t[2] on
   * (q2, q3). A factor that must be skipped (log 65535) is passed as all-zero tables: adding
   * 0 * y is the same as not multiplying. Each register load serves two layers.
   */
  void (*fft4)(uint8_t *a, size_t bytes, const gf16_nibbles t[3]);
  /* The inverse order: half-width h (t[1] on (q0, q1), t[2] on (q2, q3)), then 2h with t[0]. */
  void (*ifft4)(uint8_t *a, size_t bytes, const gf16_nibbles t[3]);
} gf16_path;

/* Rows of 64-byte blocks, and (the ...32 variants) rows that are one 32-byte block. */
extern const gf16_path gf16_portable_path;
extern const gf16_path gf16_avx2_path;
extern const gf16_path gf16_avx512_path;
extern const gf16_path gf16_portable_path32;
extern const gf16_path gf16_avx2_path32;
extern const gf16_path gf16_avx512_path32;

#endif
