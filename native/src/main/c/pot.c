/*
 * Proof of time (docs/kernels-pos-pot.md §2): AES-128 key schedule, the portable table-based
 * cipher, path dispatch and the exported entry points. The AES-NI and VAES chains are in
 * pot_aesni.c. AES here is written from FIPS-197; the tests hold it to Appendix C.1 and to the
 * JDK's AES.
 *
 * Path codes: -1 best available, 0 portable, 1 AES-NI, 2 VAES + AVX-512 (verify only; proving is
 * one dependent chain, so it runs on AES-NI there).
 */
#include <string.h>

#include "annals_kernels.h"
#include "pot_internal.h"

#define PATH_AUTO -1
#define PATH_PORTABLE 0
#define PATH_AESNI 1
#define PATH_VAES 2

static uint8_t SBOX[256];
static uint8_t INV_SBOX[256];
/* Column tables with the state column packed little-endian (row r in bits 8r..8r+7). */
static uint32_t TE[4][256];
static uint32_t TD[4][256];

static uint8_t gf_mul(uint8_t a, uint8_t b) {
  uint8_t p = 0;
  while (b) {
    if (b & 1) p ^= a;
    a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
    b >>= 1;
  }
  return p;
}

static uint8_t rotl8(uint8_t x, int n) { return (uint8_t)((x << n) | (x >> (8 - n))); }

static uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

/* The S-box from its definition (multiplicative inverse, then the affine map), so no table of
 * constants has to be trusted. */
__attribute__((constructor)) static void pot_build_tables(void) {
  for (int x = 0; x < 256; x++) {
    uint8_t inv = 0;
    if (x != 0) {
      /* x^254 = x^-1 in GF(2^8). */
      uint8_t r = 1, base = (uint8_t)x;
      for (int e = 254; e; e >>= 1) {
        if (e & 1) r = gf_mul(r, base);
        base = gf_mul(base, base);
      }
      inv = r;
    }
    uint8_t s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = (uint8_t)x;
  }
  for (int x = 0; x < 256; x++) {
    uint8_t s = SBOX[x];
    /* MixColumns column of a byte in row 0: (2, 1, 1, 3). */
    uint32_t te = (uint32_t)gf_mul(s, 2) | (uint32_t)s << 8 | (uint32_t)s << 16 |
                  (uint32_t)gf_mul(s, 3) << 24;
    uint8_t d = INV_SBOX[x];
    /* InvMixColumns column of a byte in row 0: (14, 9, 13, 11). */
    uint32_t td = (uint32_t)gf_mul(d, 14) | (uint32_t)gf_mul(d, 9) << 8 |
                  (uint32_t)gf_mul(d, 13) << 16 | (uint32_t)gf_mul(d, 11) << 24;
    for (int r = 0; r < 4; r++) {
      TE[r][x] = r ? rotl32(te, 8 * r) : te;
      TD[r][x] = r ? rotl32(td, 8 * r) : td;
    }
  }
}

static uint32_t load_le(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store_le(uint8_t *p, uint32_t w) {
  p[0] = (uint8_t)w;
  p[1] = (uint8_t)(w >> 8);
  p[2] = (uint8_t)(w >> 16);
  p[3] = (uint8_t)(w >> 24);
}

static uint32_t sub_word(uint32_t w) {
  return (uint32_t)SBOX[w & 0xff] | (uint32_t)SBOX[(w >> 8) & 0xff] << 8 |
         (uint32_t)SBOX[(w >> 16) & 0xff] << 16 | (uint32_t)SBOX[w >> 24] << 24;
}

static uint32_t inv_mix_column(uint32_t w) {
  uint8_t a[4] = {(uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24)};
  uint32_t out = 0;
  for (int r = 0; r < 4; r++) {
    uint8_t b = gf_mul(a[r], 14) ^ gf_mul(a[(r + 1) & 3], 11) ^ gf_mul(a[(r + 2) & 3], 13) ^
                gf_mul(a[(r + 3) & 3], 9);
    out |= (uint32_t)b << (8 * r);
  }
  return out;
}

void pot_expand_key(const uint8_t key[16], pot_keys *keys) {
  uint32_t w[44];
  for (int i = 0; i < 4; i++) w[i] = load_le(key + 4 * i);
  uint8_t rcon = 1;
  for (int i = 4; i < 44; i++) {
    uint32_t t = w[i - 1];
    if (i % 4 == 0) {
      /* RotWord moves byte 1 to byte 0: a right rotation of the little-endian word. */
      t = sub_word((t >> 8) | (t << 24)) ^ rcon;
      rcon = gf_mul(rcon, 2);
    }
    w[i] = w[i - 4] ^ t;
  }
  for (int r = 0; r <= 10; r++) {
    for (int c = 0; c < 4; c++) {
      store_le(keys->enc[r] + 4 * c, w[4 * r + c]);
      uint32_t d = w[4 * (10 - r) + c];
      store_le(keys->dec[r] + 4 * c, (r == 0 || r == 10) ? d : inv_mix_column(d));
    }
  }
}

#define B0(x) ((x) & 0xff)
#define B1(x) (((x) >> 8) & 0xff)
#define B2(x) (((x) >> 16) & 0xff)
#define B3(x) ((x) >> 24)

static inline void enc_words(const uint32_t rk[44], uint32_t s[4]) {
  uint32_t a = s[0] ^ rk[0], b = s[1] ^ rk[1], c = s[2] ^ rk[2], d = s[3] ^ rk[3];
  for (int r = 1; r < 10; r++) {
    const uint32_t *k = rk + 4 * r;
    /* ShiftRows: column j takes row i from column j + i. */
    uint32_t na = TE[0][B0(a)] ^ TE[1][B1(b)] ^ TE[2][B2(c)] ^ TE[3][B3(d)] ^ k[0];
    uint32_t nb = TE[0][B0(b)] ^ TE[1][B1(c)] ^ TE[2][B2(d)] ^ TE[3][B3(a)] ^ k[1];
    uint32_t nc = TE[0][B0(c)] ^ TE[1][B1(d)] ^ TE[2][B2(a)] ^ TE[3][B3(b)] ^ k[2];
    uint32_t nd = TE[0][B0(d)] ^ TE[1][B1(a)] ^ TE[2][B2(b)] ^ TE[3][B3(c)] ^ k[3];
    a = na, b = nb, c = nc, d = nd;
  }
  const uint32_t *k = rk + 40;
#define LAST_E(w, x, y, z)                                                                       \
  ((uint32_t)SBOX[B0(w)] | (uint32_t)SBOX[B1(x)] << 8 | (uint32_t)SBOX[B2(y)] << 16 |           \
   (uint32_t)SBOX[B3(z)] << 24)
  s[0] = LAST_E(a, b, c, d) ^ k[0];
  s[1] = LAST_E(b, c, d, a) ^ k[1];
  s[2] = LAST_E(c, d, a, b) ^ k[2];
  s[3] = LAST_E(d, a, b, c) ^ k[3];
#undef LAST_E
}

static inline void dec_words(const uint32_t rk[44], uint32_t s[4]) {
  uint32_t a = s[0] ^ rk[0], b = s[1] ^ rk[1], c = s[2] ^ rk[2], d = s[3] ^ rk[3];
  for (int r = 1; r < 10; r++) {
    const uint32_t *k = rk + 4 * r;
    /* InvShiftRows: column j takes row i from column j - i. */
    uint32_t na = TD[0][B0(a)] ^ TD[1][B1(d)] ^ TD[2][B2(c)] ^ TD[3][B3(b)] ^ k[0];
    uint32_t nb = TD[0][B0(b)] ^ TD[1][B1(a)] ^ TD[2][B2(d)] ^ TD[3][B3(c)] ^ k[1];
    uint32_t nc = TD[0][B0(c)] ^ TD[1][B1(b)] ^ TD[2][B2(a)] ^ TD[3][B3(d)] ^ k[2];
    uint32_t nd = TD[0][B0(d)] ^ TD[1][B1(c)] ^ TD[2][B2(b)] ^ TD[3][B3(a)] ^ k[3];
    a = na, b = nb, c = nc, d = nd;
  }
  const uint32_t *k = rk + 40;
#define LAST_D(w, x, y, z)                                                                       \
  ((uint32_t)INV_SBOX[B0(w)] | (uint32_t)INV_SBOX[B1(x)] << 8 |                                 \
   (uint32_t)INV_SBOX[B2(y)] << 16 | (uint32_t)INV_SBOX[B3(z)] << 24)
  s[0] = LAST_D(a, d, c, b) ^ k[0];
  s[1] = LAST_D(b, a, d, c) ^ k[1];
  s[2] = LAST_D(c, b, a, d) ^ k[2];
  s[3] = LAST_D(d, c, b, a) ^ k[3];
#undef LAST_D
}

static void key_words(const uint8_t rk[11][16], uint32_t out[44]) {
  for (int r = 0; r < 11; r++)
    for (int c = 0; c < 4; c++) out[4 * r + c] = load_le(rk[r] + 4 * c);
}

static void block_words(const uint8_t *p, uint32_t s[4]) {
  for (int c = 0; c < 4; c++) s[c] = load_le(p + 4 * c);
}

static void words_block(const uint32_t s[4], uint8_t *p) {
  for (int c = 0; c < 4; c++) store_le(p + 4 * c, s[c]);
}

void pot_portable_encrypt_block(const pot_keys *keys, uint8_t block[16]) {
  uint32_t rk[44], s[4];
  key_words(keys->enc, rk);
  block_words(block, s);
  enc_words(rk, s);
  words_block(s, block);
}

void pot_portable_decrypt_block(const pot_keys *keys, uint8_t block[16]) {
  uint32_t rk[44], s[4];
  key_words(keys->dec, rk);
  block_words(block, s);
  dec_words(rk, s);
  words_block(s, block);
}

void pot_portable_prove(const pot_keys *keys, const uint8_t seed[16], uint64_t per,
                        uint8_t out[128]) {
  uint32_t rk[44], s[4];
  key_words(keys->enc, rk);
  block_words(seed, s);
  for (int cp = 0; cp < POT_CHECKPOINTS; cp++) {
    for (uint64_t i = 0; i < per; i++) enc_words(rk, s);
    words_block(s, out + 16 * cp);
  }
}

int pot_portable_verify(const pot_keys *keys, const uint8_t seed[16], const uint8_t cps[128],
                        uint64_t half) {
  uint32_t ek[44], dk[44];
  key_words(keys->enc, ek);
  key_words(keys->dec, dk);
  for (int cp = 0; cp < POT_CHECKPOINTS; cp++) {
    uint32_t fwd[4], bwd[4];
    block_words(cp == 0 ? seed : cps + 16 * (cp - 1), fwd);
    block_words(cps + 16 * cp, bwd);
    for (uint64_t i = 0; i < half; i++) {
      enc_words(ek, fwd);
      dec_words(dk, bwd);
    }
    if (memcmp(fwd, bwd, sizeof fwd) != 0) return 0;
  }
  return 1;
}

static int has_aesni(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("aes");
}

static int has_vaes512(void) {
  __builtin_cpu_init();
  return has_aesni() && __builtin_cpu_supports("vaes") && __builtin_cpu_supports("avx512f");
}

/* What a requested path runs on for verification, or -2 when this CPU cannot run it. */
static int resolve(int32_t path) {
  switch (path) {
    case PATH_AUTO:
      return has_vaes512() ? PATH_VAES : has_aesni() ? PATH_AESNI : PATH_PORTABLE;
    case PATH_PORTABLE:
      return PATH_PORTABLE;
    case PATH_AESNI:
      return has_aesni() ? PATH_AESNI : -2;
    case PATH_VAES:
      return has_vaes512() ? PATH_VAES : -2;
    default:
      return -2;
  }
}

/* The path a request resolves to (for verification; proving uses AES-NI when this says VAES). */
ANNALS_EXPORT int32_t annals_pot_path(int32_t path) { return resolve(path); }

/*
 * The 8 checkpoints of a chain of 8 * per encryptions of seed under key (out: 128 bytes).
 * Returns 0, -1 for per <= 0, -2 for a path this CPU lacks.
 */
ANNALS_EXPORT int32_t annals_pot_prove(const uint8_t *key, const uint8_t *seed, uint8_t *out,
                                       int64_t per, int32_t path) {
  int p = resolve(path);
  if (p < 0) return -2;
  if (per <= 0) return -1;
  pot_keys keys;
  pot_expand_key(key, &keys);
  if (p == PATH_PORTABLE)
    pot_portable_prove(&keys, seed, (uint64_t)per, out);
  else
    pot_aesni_prove(&keys, seed, (uint64_t)per, out);
  return 0;
}

/*
 * Meet-in-the-middle verification of 8 checkpoints (cps: 128 bytes), per encryptions apart:
 * each segment's input is encrypted per/2 times and its output decrypted per/2 times, all 16
 * half-chains interleaved on this thread. Returns 1 valid, 0 invalid, -1 for per <= 0 or odd,
 * -2 for a path this CPU lacks.
 */
ANNALS_EXPORT int32_t annals_pot_verify(const uint8_t *key, const uint8_t *seed,
                                        const uint8_t *cps, int64_t per, int32_t path) {
  int p = resolve(path);
  if (p < 0) return -2;
  if (per <= 0 || per % 2 != 0) return -1;
  pot_keys keys;
  pot_expand_key(key, &keys);
  uint64_t half = (uint64_t)per / 2;
  switch (p) {
    case PATH_VAES:
      return pot_vaes_verify(&keys, seed, cps, half);
    case PATH_AESNI:
      return pot_aesni_verify(&keys, seed, cps, half);
    default:
      return pot_portable_verify(&keys, seed, cps, half);
  }
}

/*
 * Test entry: one AES-128 block (decrypt != 0: decryption) on a forced path (VAES runs the
 * block through the AES-NI code, which shares its key schedule). Returns 0 or -2.
 */
ANNALS_EXPORT int32_t annals_aes128_block(const uint8_t *key, const uint8_t *in, uint8_t *out,
                                          int32_t decrypt, int32_t path) {
  int p = resolve(path);
  if (p < 0) return -2;
  pot_keys keys;
  pot_expand_key(key, &keys);
  uint8_t block[16];
  memcpy(block, in, 16);
  if (p == PATH_PORTABLE) {
    if (decrypt)
      pot_portable_decrypt_block(&keys, block);
    else
      pot_portable_encrypt_block(&keys, block);
  } else {
    if (decrypt)
      pot_aesni_decrypt_block(&keys, block);
    else
      pot_aesni_encrypt_block(&keys, block);
  }
  memcpy(out, block, 16);
  return 0;
}
