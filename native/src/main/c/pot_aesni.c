/*
 * Proof-of-time chains on the AES instructions. Proving is one dependent chain, bound by the
 * latency of aesenc (10 rounds back to back per iteration). Verification is 16 independent
 * half-chains (each segment's input forward, its output backward), so one thread keeps the AES
 * unit busy by issuing every round of all 16 before the next round: 16 xmm blocks on AES-NI,
 * or 4 zmm registers of 4 blocks each on VAES.
 */
#include <immintrin.h>
#include <string.h>

#include "pot_internal.h"

__attribute__((target("aes"))) static inline __m128i enc_block(const __m128i k[11], __m128i s) {
  s = _mm_xor_si128(s, k[0]);
  for (int r = 1; r < 10; r++) s = _mm_aesenc_si128(s, k[r]);
  return _mm_aesenclast_si128(s, k[10]);
}

__attribute__((target("aes"))) static inline __m128i dec_block(const __m128i k[11], __m128i s) {
  s = _mm_xor_si128(s, k[0]);
  for (int r = 1; r < 10; r++) s = _mm_aesdec_si128(s, k[r]);
  return _mm_aesdeclast_si128(s, k[10]);
}

__attribute__((target("aes"))) static void load_keys(const uint8_t rk[11][16], __m128i k[11]) {
  for (int r = 0; r < 11; r++) k[r] = _mm_load_si128((const __m128i *)rk[r]);
}

__attribute__((target("aes"))) void pot_aesni_encrypt_block(const pot_keys *keys,
                                                            uint8_t block[16]) {
  __m128i k[11];
  load_keys(keys->enc, k);
  _mm_storeu_si128((__m128i *)block, enc_block(k, _mm_loadu_si128((const __m128i *)block)));
}

__attribute__((target("aes"))) void pot_aesni_decrypt_block(const pot_keys *keys,
                                                            uint8_t block[16]) {
  __m128i k[11];
  load_keys(keys->dec, k);
  _mm_storeu_si128((__m128i *)block, dec_block(k, _mm_loadu_si128((const __m128i *)block)));
}

__attribute__((target("aes"))) void pot_aesni_prove(const pot_keys *keys, const uint8_t seed[16],
                                                    uint64_t per, uint8_t out[128]) {
  __m128i k[11];
  load_keys(keys->enc, k);
  __m128i s = _mm_loadu_si128((const __m128i *)seed);
  for (int cp = 0; cp < POT_CHECKPOINTS; cp++) {
    for (uint64_t i = 0; i < per; i++) s = enc_block(k, s);
    _mm_storeu_si128((__m128i *)(out + 16 * cp), s);
  }
}

__attribute__((target("aes"))) int pot_aesni_verify(const pot_keys *keys, const uint8_t seed[16],
                                                    const uint8_t cps[128], uint64_t half) {
  __m128i ek[11], dk[11], fwd[POT_CHECKPOINTS], bwd[POT_CHECKPOINTS];
  load_keys(keys->enc, ek);
  load_keys(keys->dec, dk);
  for (int i = 0; i < POT_CHECKPOINTS; i++) {
    fwd[i] = _mm_loadu_si128((const __m128i *)(i == 0 ? seed : cps + 16 * (i - 1)));
    bwd[i] = _mm_loadu_si128((const __m128i *)(cps + 16 * i));
  }
  for (uint64_t n = 0; n < half; n++) {
    for (int i = 0; i < POT_CHECKPOINTS; i++) {
      fwd[i] = _mm_xor_si128(fwd[i], ek[0]);
      bwd[i] = _mm_xor_si128(bwd[i], dk[0]);
    }
    for (int r = 1; r < 10; r++) {
      for (int i = 0; i < POT_CHECKPOINTS; i++) {
        fwd[i] = _mm_aesenc_si128(fwd[i], ek[r]);
        bwd[i] = _mm_aesdec_si128(bwd[i], dk[r]);
      }
    }
    for (int i = 0; i < POT_CHECKPOINTS; i++) {
      fwd[i] = _mm_aesenclast_si128(fwd[i], ek[10]);
      bwd[i] = _mm_aesdeclast_si128(bwd[i], dk[10]);
    }
  }
  __m128i diff = _mm_setzero_si128();
  for (int i = 0; i < POT_CHECKPOINTS; i++) diff = _mm_or_si128(diff, _mm_xor_si128(fwd[i], bwd[i]));
  return _mm_testz_si128(diff, diff);
}

#define VAES_TARGET __attribute__((target("aes,vaes,avx512f")))

VAES_TARGET int pot_vaes_verify(const pot_keys *keys, const uint8_t seed[16],
                                const uint8_t cps[128], uint64_t half) {
  __m512i ek[11], dk[11];
  for (int r = 0; r < 11; r++) {
    ek[r] = _mm512_broadcast_i32x4(_mm_load_si128((const __m128i *)keys->enc[r]));
    dk[r] = _mm512_broadcast_i32x4(_mm_load_si128((const __m128i *)keys->dec[r]));
  }
  /* Segment inputs are the seed and checkpoints 0..6; outputs are checkpoints 0..7. */
  uint8_t inputs[128];
  memcpy(inputs, seed, 16);
  memcpy(inputs + 16, cps, 112);
  __m512i f0 = _mm512_loadu_si512(inputs), f1 = _mm512_loadu_si512(inputs + 64);
  __m512i b0 = _mm512_loadu_si512(cps), b1 = _mm512_loadu_si512(cps + 64);
  for (uint64_t n = 0; n < half; n++) {
    f0 = _mm512_xor_si512(f0, ek[0]);
    f1 = _mm512_xor_si512(f1, ek[0]);
    b0 = _mm512_xor_si512(b0, dk[0]);
    b1 = _mm512_xor_si512(b1, dk[0]);
    for (int r = 1; r < 10; r++) {
      f0 = _mm512_aesenc_epi128(f0, ek[r]);
      b0 = _mm512_aesdec_epi128(b0, dk[r]);
      f1 = _mm512_aesenc_epi128(f1, ek[r]);
      b1 = _mm512_aesdec_epi128(b1, dk[r]);
    }
    f0 = _mm512_aesenclast_epi128(f0, ek[10]);
    b0 = _mm512_aesdeclast_epi128(b0, dk[10]);
    f1 = _mm512_aesenclast_epi128(f1, ek[10]);
    b1 = _mm512_aesdeclast_epi128(b1, dk[10]);
  }
  __mmask8 same = _mm512_cmpeq_epi64_mask(f0, b0) & _mm512_cmpeq_epi64_mask(f1, b1);
  return same == 0xff;
}
