/*
 * GF(2^16) Reed-Solomon kernel: field tables, the portable path, path dispatch and the exported
 * entry points (additive FFT / IFFT layers, formal derivative, row products and XORs on a strip of
 * rows). The Java side (dev.annals.kernel.erasure.CErasureCoder) runs the encoder and decoder of
 * docs/kernels-erasure.md on top of these; every entry point checks its arguments against the
 * buffer it is given and returns GF16_BAD_ARGUMENT rather than touching memory out of range.
 */
#include <immintrin.h>

#include "annals_kernels.h"
#include "gf16.h"

uint16_t gf16_log[GF16_ORDER];
uint16_t gf16_exp[GF16_ORDER];
uint16_t gf16_skew[GF16_MODULUS];
uint32_t gf16_log_ext[GF16_ORDER];
uint16_t gf16_exp_ext[GF16_ZERO_LOG + GF16_ORDER];

/* LOG[2^b]: with it, c * 2^b is one EXP lookup (gf16_fill_nibbles). */
static uint32_t basis_log[16];

#define GF16_OK 0
#define GF16_BAD_ARGUMENT -1
#define GF16_PATH_UNAVAILABLE -2

#define PATH_AUTO 0
#define PATH_PORTABLE 1
#define PATH_AVX2 2
#define PATH_AVX512 3

static const uint16_t CANTOR_BASIS[16] = {0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E,
                                          0x914C, 0x4012, 0x6C98, 0x10D8, 0x6A72, 0xB900,
                                          0xFDB8, 0xFB34, 0xFF38, 0x991E};

static uint32_t add_mod(uint32_t a, uint32_t b) {
  uint32_t s = a + b;
  return (s + (s >> 16)) & 0xFFFF;
}

static uint32_t mul_log(uint32_t x, uint32_t log) {
  return x == 0 ? 0 : gf16_exp[add_mod(gf16_log[x], log)];
}

static void build_log_exp(void) {
  /* Polynomial-basis logarithms by stepping the LFSR x -> 2x, kept in gf16_exp as scratch. */
  uint16_t *poly_log = gf16_exp;
  uint32_t state = 1;
  for (uint32_t i = 0; i < GF16_MODULUS; i++) {
    poly_log[state] = (uint16_t)i;
    state <<= 1;
    if (state >= GF16_ORDER) state ^= 0x1002D;
  }
  poly_log[0] = GF16_MODULUS;
  /* LOG[v] = polylog of the span of v's bits in the Cantor basis; span built by doubling. */
  static uint16_t span[GF16_ORDER];
  span[0] = 0;
  for (int bit = 0; bit < 16; bit++) {
    uint32_t width = 1u << bit;
    for (uint32_t j = 0; j < width; j++) span[j + width] = span[j] ^ CANTOR_BASIS[bit];
  }
  for (uint32_t v = 0; v < GF16_ORDER; v++) gf16_log[v] = poly_log[span[v]];
  for (uint32_t v = 0; v < GF16_ORDER; v++) gf16_exp[gf16_log[v]] = (uint16_t)v;
  gf16_exp[GF16_MODULUS] = gf16_exp[0];
}

static void build_skew(void) {
  uint32_t temp[15];
  for (int i = 0; i < 15; i++) temp[i] = 1u << (i + 1);
  static uint32_t skew[GF16_MODULUS];
  for (int m = 0; m < 15; m++) {
    uint32_t step = 1u << (m + 1);
    skew[(1u << m) - 1] = 0;
    for (int i = m; i < 15; i++) {
      uint32_t s = 1u << (i + 1);
      for (uint32_t j = (1u << m) - 1; j < s; j += step) skew[j + s] = skew[j] ^ temp[i];
    }
    temp[m] = GF16_MODULUS - gf16_log[mul_log(temp[m], gf16_log[temp[m] ^ 1])];
    for (int i = m + 1; i < 15; i++)
      temp[i] = mul_log(temp[i], add_mod(gf16_log[temp[i] ^ 1], temp[m]));
  }
  for (uint32_t i = 0; i < GF16_MODULUS; i++) gf16_skew[i] = gf16_log[skew[i]];
}

/* About a millisecond; done when the library is loaded so no call ever races the build. */
__attribute__((constructor)) static void gf16_build_tables(void) {
  build_log_exp();
  build_skew();
  for (uint32_t x = 0; x < GF16_ORDER; x++) gf16_log_ext[x] = x == 0 ? GF16_ZERO_LOG : gf16_log[x];
  for (uint32_t i = 0; i < GF16_ZERO_LOG; i++) gf16_exp_ext[i] = gf16_exp[i % GF16_MODULUS];
  for (uint32_t i = GF16_ZERO_LOG; i < GF16_ZERO_LOG + GF16_ORDER; i++) gf16_exp_ext[i] = 0;
  for (int b = 0; b < 16; b++) basis_log[b] = gf16_log[1u << b];
}

/*
 * Called once per butterfly group, so it is on the hot path for small strips (32768 rows of one
 * block: 65536 fills per encode). Multiplying by c is linear over GF(2): the 16 products c * 2^b
 * (one EXP lookup each, LOG[2^b] precomputed) give every nibble entry as an XOR of up to four of
 * them, computed for all 16 entries of a nibble at once in two SSE registers of 16-bit lanes.
 */
void gf16_fill_nibbles(uint32_t log, gf16_nibbles *t) {
  uint16_t p[16];
  for (int b = 0; b < 16; b++) p[b] = gf16_exp[add_mod(basis_log[b], log)];
  /* Lane v of entries_low (v = 0..7) / entries_high (v = 8..15) selects bits of v. */
  const __m128i entries_low = _mm_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7);
  const __m128i entries_high = _mm_setr_epi16(8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i low_byte = _mm_set1_epi16(0x00FF);
  for (int n = 0; n < 4; n++) {
    __m128i a = _mm_setzero_si128(), b = _mm_setzero_si128();
    for (int bit = 0; bit < 4; bit++) {
      __m128i select = _mm_set1_epi16((short)(1 << bit));
      __m128i product = _mm_set1_epi16((short)p[4 * n + bit]);
      __m128i in_a = _mm_cmpeq_epi16(_mm_and_si128(entries_low, select), select);
      __m128i in_b = _mm_cmpeq_epi16(_mm_and_si128(entries_high, select), select);
      a = _mm_xor_si128(a, _mm_and_si128(in_a, product));
      b = _mm_xor_si128(b, _mm_and_si128(in_b, product));
    }
    _mm_storeu_si128((__m128i *)t->lo[n],
                     _mm_packus_epi16(_mm_and_si128(a, low_byte), _mm_and_si128(b, low_byte)));
    _mm_storeu_si128((__m128i *)t->hi[n],
                     _mm_packus_epi16(_mm_srli_epi16(a, 8), _mm_srli_epi16(b, 8)));
  }
}

/* ---- portable path: one element at a time through the extended log/exp tables ---- */

/*
 * Blocks of 2 * half bytes: half = 32 for the usual 64-byte blocks, 16 for rows of one 32-byte
 * block (shards of at most 32 bytes, element j = byte j | byte 16 + j << 8).
 */
static inline uint32_t portable_product(const uint8_t *block, size_t half, size_t j,
                                        uint32_t log) {
  uint32_t x = block[j] | (uint32_t)block[half + j] << 8;
  return gf16_exp_ext[gf16_log_ext[x] + log];
}

static inline void portable_fft_generic(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                                        size_t half) {
  for (size_t o = 0; o < bytes; o += 2 * half) {
    for (size_t j = 0; j < half; j++) {
      uint32_t p = portable_product(b + o, half, j, log);
      a[o + j] ^= (uint8_t)p;
      a[o + half + j] ^= (uint8_t)(p >> 8);
    }
    for (size_t j = 0; j < 2 * half; j++) b[o + j] ^= a[o + j];
  }
}

static inline void portable_ifft_generic(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,
                                         size_t half) {
  for (size_t o = 0; o < bytes; o += 2 * half) {
    for (size_t j = 0; j < 2 * half; j++) b[o + j] ^= a[o + j];
    for (size_t j = 0; j < half; j++) {
      uint32_t p = portable_product(b + o, half, j, log);
      a[o + j] ^= (uint8_t)p;
      a[o + half + j] ^= (uint8_t)(p >> 8);
    }
  }
}

static inline void portable_mul_generic(uint8_t *a, size_t bytes, uint32_t log, size_t half) {
  for (size_t o = 0; o < bytes; o += 2 * half) {
    for (size_t j = 0; j < half; j++) {
      uint32_t p = portable_product(a + o, half, j, log);
      a[o + j] = (uint8_t)p;
      a[o + half + j] = (uint8_t)(p >> 8);
    }
  }
}

static void portable_xor(uint8_t *dst, const uint8_t *src, size_t bytes) {
  for (size_t i = 0; i < bytes; i++) dst[i] ^= src[i];
}

/* A skipped factor (all-zero tables) is a plain XOR here: the portable products go by log. */
static int is_zero_table(const gf16_nibbles *t) { return t->lo[0][1] == 0 && t->hi[0][1] == 0; }

/* The log of a factor from its tables: entry 1 of nibble 0 is c * 1 = c. */
static uint32_t table_log(const gf16_nibbles *t) {
  return gf16_log[t->lo[0][1] | t->hi[0][1] << 8];
}

#define PORTABLE_LAYOUT(suffix, half)                                                            \
  static void portable_fft##suffix(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,           \
                                   const gf16_nibbles *t) {                                      \
    (void)t;                                                                                     \
    portable_fft_generic(a, b, bytes, log, half);                                                \
  }                                                                                              \
  static void portable_ifft##suffix(uint8_t *a, uint8_t *b, size_t bytes, uint32_t log,          \
                                    const gf16_nibbles *t) {                                     \
    (void)t;                                                                                     \
    portable_ifft_generic(a, b, bytes, log, half);                                               \
  }                                                                                              \
  static void portable_mul##suffix(uint8_t *a, size_t bytes, uint32_t log,                       \
                                   const gf16_nibbles *t) {                                      \
    (void)t;                                                                                     \
    portable_mul_generic(a, bytes, log, half);                                                   \
  }                                                                                              \
  static void portable_pair_fft##suffix(uint8_t *a, uint8_t *b, size_t bytes,                    \
                                        const gf16_nibbles *t) {                                 \
    if (is_zero_table(t))                                                                        \
      portable_xor(b, a, bytes);                                                                 \
    else                                                                                         \
      portable_fft_generic(a, b, bytes, table_log(t), half);                                     \
  }                                                                                              \
  static void portable_pair_ifft##suffix(uint8_t *a, uint8_t *b, size_t bytes,                   \
                                         const gf16_nibbles *t) {                                \
    if (is_zero_table(t))                                                                        \
      portable_xor(b, a, bytes);                                                                 \
    else                                                                                         \
      portable_ifft_generic(a, b, bytes, table_log(t), half);                                    \
  }                                                                                              \
  /* No registers to share between layers: the fused pair runs as four single butterflies. */   \
  static void portable_fft4##suffix(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {         \
    portable_pair_fft##suffix(a, a + 2 * bytes, bytes, &t[0]);                                   \
    portable_pair_fft##suffix(a + bytes, a + 3 * bytes, bytes, &t[0]);                           \
    portable_pair_fft##suffix(a, a + bytes, bytes, &t[1]);                                       \
    portable_pair_fft##suffix(a + 2 * bytes, a + 3 * bytes, bytes, &t[2]);                       \
  }                                                                                              \
  static void portable_ifft4##suffix(uint8_t *a, size_t bytes, const gf16_nibbles t[3]) {        \
    portable_pair_ifft##suffix(a, a + bytes, bytes, &t[1]);                                      \
    portable_pair_ifft##suffix(a + 2 * bytes, a + 3 * bytes, bytes, &t[2]);                      \
    portable_pair_ifft##suffix(a, a + 2 * bytes, bytes, &t[0]);                                  \
    portable_pair_ifft##suffix(a + bytes, a + 3 * bytes, bytes, &t[0]);                          \
  }                                                                                              \
  const gf16_path gf16_portable_path##suffix = {                                                 \
      portable_fft##suffix,  portable_ifft##suffix,  portable_mul##suffix,                       \
      portable_xor,          portable_fft4##suffix,  portable_ifft4##suffix};

PORTABLE_LAYOUT(, 32)
PORTABLE_LAYOUT(32, 16)

/* ---- dispatch ---- */

static int path_supported(int path) {
  __builtin_cpu_init();
  switch (path) {
    case PATH_PORTABLE:
      return 1;
    case PATH_AVX2:
      return __builtin_cpu_supports("avx2");
    case PATH_AVX512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
             __builtin_cpu_supports("avx512bw");
    default:
      return 0;
  }
}

/* The path that a request resolves to, or GF16_PATH_UNAVAILABLE / GF16_BAD_ARGUMENT. */
static int resolve_path(int requested) {
  if (requested == PATH_AUTO) {
    if (path_supported(PATH_AVX512)) return PATH_AVX512;
    if (path_supported(PATH_AVX2)) return PATH_AVX2;
    return PATH_PORTABLE;
  }
  if (requested < PATH_PORTABLE || requested > PATH_AVX512) return GF16_BAD_ARGUMENT;
  return path_supported(requested) ? requested : GF16_PATH_UNAVAILABLE;
}

/* The operations of a path for rows of row_bytes: 32 means one 32-byte block per row. */
static const gf16_path *path_ops(int resolved, int32_t row_bytes) {
  int small = row_bytes == 32;
  switch (resolved) {
    case PATH_AVX2:
      return small ? &gf16_avx2_path32 : &gf16_avx2_path;
    case PATH_AVX512:
      return small ? &gf16_avx512_path32 : &gf16_avx512_path;
    default:
      return small ? &gf16_portable_path32 : &gf16_portable_path;
  }
}

/* 1 = portable, 2 = avx2, 3 = avx512 for a request (0 = the best this CPU has), or < 0. */
ANNALS_EXPORT int32_t annals_gf16_path(int32_t requested) { return resolve_path(requested); }

/* Copies the field tables out, so the tests can compare them with the Java ones. */
ANNALS_EXPORT int32_t annals_gf16_tables(uint16_t *log, uint16_t *exp, uint16_t *skew) {
  for (uint32_t i = 0; i < GF16_ORDER; i++) {
    log[i] = gf16_log[i];
    exp[i] = gf16_exp[i];
  }
  for (uint32_t i = 0; i < GF16_MODULUS; i++) skew[i] = gf16_skew[i];
  return GF16_OK;
}

static int is_power_of_two(int64_t x) { return x > 0 && (x & (x - 1)) == 0; }

/*
 * Rows first_row..first_row+rows-1 of row_bytes each lie inside a buffer of len bytes. A row is
 * whole 64-byte blocks, or exactly one 32-byte block (a shard of at most 32 bytes).
 */
static int rows_fit(int64_t len, int32_t row_bytes, int64_t first_row, int64_t rows) {
  return row_bytes > 0 && (row_bytes % GF16_BLOCK == 0 || row_bytes == 32) && first_row >= 0 &&
         rows >= 0 &&
         (first_row + rows) * (int64_t)row_bytes <= len;
}

/*
 * Checks the common arguments of a transform call over layers of half-width h from h_low to
 * h_high: rows pos..pos+size-1 in the buffer, size a power of two, groups below truncated, and
 * every factor index r + h - 1 + skew_delta (at most size - 2 + skew_delta) inside SKEW.
 */
static int transform_ok(int64_t len, int32_t row_bytes, int32_t pos, int32_t size,
                        int32_t truncated, int32_t skew_delta, int32_t h_high, int32_t h_low) {
  return is_power_of_two(size) && size <= GF16_ORDER && rows_fit(len, row_bytes, pos, size) &&
         truncated >= 0 && truncated <= size && skew_delta >= 0 &&
         (int64_t)size + skew_delta <= GF16_ORDER && is_power_of_two(h_low) &&
         is_power_of_two(h_high) && h_low <= h_high && 2 * (int64_t)h_high <= size;
}

/* One butterfly group of a single layer; log 65535 means no multiplication, just b ^= a. */
static void group_fft(const gf16_path *ops, uint8_t *a, size_t run, uint32_t log) {
  if (log == GF16_MODULUS) {
    ops->xor_into(a + run, a, run);
  } else {
    gf16_nibbles t;
    gf16_fill_nibbles(log, &t);
    ops->fft_butterfly(a, a + run, run, log, &t);
  }
}

static void group_ifft(const gf16_path *ops, uint8_t *a, size_t run, uint32_t log) {
  if (log == GF16_MODULUS) {
    ops->xor_into(a + run, a, run);
  } else {
    gf16_nibbles t;
    gf16_fill_nibbles(log, &t);
    ops->ifft_butterfly(a, a + run, run, log, &t);
  }
}

/* Tables for a fused group; a skipped factor becomes zero tables (a ^= 0 * b changes nothing). */
static void fill_factor(uint32_t log, gf16_nibbles *t) {
  if (log == GF16_MODULUS) {
    for (int n = 0; n < 4; n++)
      for (int v = 0; v < 16; v++) t->lo[n][v] = t->hi[n][v] = 0;
  } else {
    gf16_fill_nibbles(log, t);
  }
}

/*
 * FFT layers h = h_high, h_high/2, ..., h_low of fft(pos, size, truncated, skew_delta). Layers go
 * in pairs (half-widths 2q then q) over blocks of 4q rows, fused when both inner groups of a block
 * are below truncated; blocks are independent, so this equals running the layers one by one.
 */
ANNALS_EXPORT int32_t annals_gf16_fft(uint8_t *work, int64_t len, int32_t row_bytes, int32_t pos,
                                      int32_t size, int32_t truncated, int32_t skew_delta,
                                      int32_t h_high, int32_t h_low, int32_t path) {
  if (!transform_ok(len, row_bytes, pos, size, truncated, skew_delta, h_high, h_low))
    return GF16_BAD_ARGUMENT;
  int resolved = resolve_path(path);
  if (resolved < 0) return resolved;
  const gf16_path *ops = path_ops(resolved, row_bytes);
  const uint16_t *skew = gf16_skew + skew_delta;
  gf16_nibbles t[3];
  int64_t h = h_high;
  while (h >= h_low) {
    if (h >= 2 * (int64_t)h_low) {
      int64_t q = h >> 1;
      size_t run = (size_t)q * (size_t)row_bytes;
      for (int64_t r = 0; r < truncated; r += 4 * q) {
        uint8_t *a = work + (size_t)(pos + r) * (size_t)row_bytes;
        if (r + 2 * q < truncated) {
          fill_factor(skew[r + 2 * q - 1], &t[0]);
          fill_factor(skew[r + q - 1], &t[1]);
          fill_factor(skew[r + 3 * q - 1], &t[2]);
          ops->fft4(a, run, t);
        } else {
          group_fft(ops, a, 2 * run, skew[r + 2 * q - 1]);
          group_fft(ops, a, run, skew[r + q - 1]);
        }
      }
      h >>= 2;
    } else {
      size_t run = (size_t)h * (size_t)row_bytes;
      for (int64_t r = 0; r < truncated; r += 2 * h)
        group_fft(ops, work + (size_t)(pos + r) * (size_t)row_bytes, run, skew[r + h - 1]);
      h >>= 1;
    }
  }
  return GF16_OK;
}

/* IFFT layers h = h_low, 2 h_low, ..., h_high of ifft(pos, size, truncated, skew_delta), paired
 * (half-widths q then 2q) like the FFT's. */
ANNALS_EXPORT int32_t annals_gf16_ifft(uint8_t *work, int64_t len, int32_t row_bytes, int32_t pos,
                                       int32_t size, int32_t truncated, int32_t skew_delta,
                                       int32_t h_high, int32_t h_low, int32_t path) {
  if (!transform_ok(len, row_bytes, pos, size, truncated, skew_delta, h_high, h_low))
    return GF16_BAD_ARGUMENT;
  int resolved = resolve_path(path);
  if (resolved < 0) return resolved;
  const gf16_path *ops = path_ops(resolved, row_bytes);
  const uint16_t *skew = gf16_skew + skew_delta;
  gf16_nibbles t[3];
  int64_t h = h_low;
  while (h <= h_high) {
    if (2 * h <= h_high) {
      int64_t q = h;
      size_t run = (size_t)q * (size_t)row_bytes;
      for (int64_t r = 0; r < truncated; r += 4 * q) {
        uint8_t *a = work + (size_t)(pos + r) * (size_t)row_bytes;
        if (r + 2 * q < truncated) {
          fill_factor(skew[r + 2 * q - 1], &t[0]);
          fill_factor(skew[r + q - 1], &t[1]);
          fill_factor(skew[r + 3 * q - 1], &t[2]);
          ops->ifft4(a, run, t);
        } else {
          group_ifft(ops, a, run, skew[r + q - 1]);
          group_ifft(ops, a, 2 * run, skew[r + 2 * q - 1]);
        }
      }
      h <<= 2;
    } else {
      size_t run = (size_t)h * (size_t)row_bytes;
      for (int64_t r = 0; r < truncated; r += 2 * h)
        group_ifft(ops, work + (size_t)(pos + r) * (size_t)row_bytes, run, skew[r + h - 1]);
      h <<= 1;
    }
  }
  return GF16_OK;
}

/*
 * Steps i = from..to-1 of the formal derivative over rows 0..n-1 (n = rows in the buffer): rows
 * i..i+w-1 are XORed into rows i-w..i-1, w = i & -i. Steps must run in ascending order.
 */
ANNALS_EXPORT int32_t annals_gf16_formal_derivative(uint8_t *work, int64_t len, int32_t row_bytes,
                                                    int32_t n, int32_t from, int32_t to,
                                                    int32_t path) {
  if (!is_power_of_two(n) || !rows_fit(len, row_bytes, 0, n) || from < 1 || to > n || from > to)
    return GF16_BAD_ARGUMENT;
  int resolved = resolve_path(path);
  if (resolved < 0) return resolved;
  const gf16_path *ops = path_ops(resolved, row_bytes);
  for (int64_t i = from; i < to; i++) {
    int64_t w = i & -i;
    /* i + w <= n holds for every i < n when n is a power of two. */
    ops->xor_into(work + (size_t)(i - w) * (size_t)row_bytes, work + (size_t)i * (size_t)row_bytes,
                  (size_t)w * (size_t)row_bytes);
  }
  return GF16_OK;
}

/*
 * Row i (first_row <= i < first_row + rows) is multiplied by the element with logarithm logs[i]
 * (0..65535; 65535 multiplies by 1, as the crate's mul); rows whose log is negative are skipped.
 */
ANNALS_EXPORT int32_t annals_gf16_mul_rows(uint8_t *work, int64_t len, int32_t row_bytes,
                                           int32_t first_row, int32_t rows, const int32_t *logs,
                                           int64_t logs_len, int32_t path) {
  if (!rows_fit(len, row_bytes, first_row, rows) || (int64_t)first_row + rows > logs_len)
    return GF16_BAD_ARGUMENT;
  for (int64_t i = first_row; i < (int64_t)first_row + rows; i++)
    if (logs[i] > GF16_MODULUS) return GF16_BAD_ARGUMENT;
  int resolved = resolve_path(path);
  if (resolved < 0) return resolved;
  const gf16_path *ops = path_ops(resolved, row_bytes);
  gf16_nibbles tables;
  for (int64_t i = first_row; i < (int64_t)first_row + rows; i++) {
    if (logs[i] < 0) continue;
    gf16_fill_nibbles((uint32_t)logs[i], &tables);
    ops->mul(work + (size_t)i * (size_t)row_bytes, (size_t)row_bytes, (uint32_t)logs[i], &tables);
  }
  return GF16_OK;
}

/* Rows dst_row.. ^= rows src_row.. over `rows` rows; the two ranges must not overlap. */
ANNALS_EXPORT int32_t annals_gf16_xor_rows(uint8_t *work, int64_t len, int32_t row_bytes,
                                           int32_t dst_row, int32_t src_row, int32_t rows,
                                           int32_t path) {
  if (!rows_fit(len, row_bytes, dst_row, rows) || !rows_fit(len, row_bytes, src_row, rows) ||
      (dst_row < src_row + rows && src_row < dst_row + rows && rows > 0))
    return GF16_BAD_ARGUMENT;
  int resolved = resolve_path(path);
  if (resolved < 0) return resolved;
  path_ops(resolved, row_bytes)->xor_into(work + (size_t)dst_row * (size_t)row_bytes,
                               work + (size_t)src_row * (size_t)row_bytes,
                               (size_t)rows * (size_t)row_bytes);
  return GF16_OK;
}
