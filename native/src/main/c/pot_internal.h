#ifndef ANNALS_POT_INTERNAL_H
#define ANNALS_POT_INTERNAL_H

#include <stdint.h>

/*
 * AES-128 round keys for both directions. enc[r] is the FIPS-197 round key r (16 bytes, state
 * byte order). dec[] is the "equivalent inverse cipher" schedule: dec[0] = enc[10],
 * dec[r] = InvMixColumns(enc[10 - r]) for r = 1..9, dec[10] = enc[0]; AES-NI's aesdec expects
 * exactly this, and the portable T-table decryption uses it too.
 */
typedef struct {
  uint8_t enc[11][16] __attribute__((aligned(16)));
  uint8_t dec[11][16] __attribute__((aligned(16)));
} pot_keys;

#define POT_CHECKPOINTS 8

void pot_expand_key(const uint8_t key[16], pot_keys *keys);

/* Portable (table-based) paths. */
void pot_portable_encrypt_block(const pot_keys *keys, uint8_t block[16]);
void pot_portable_decrypt_block(const pot_keys *keys, uint8_t block[16]);
void pot_portable_prove(const pot_keys *keys, const uint8_t seed[16], uint64_t per,
                        uint8_t out[128]);
int pot_portable_verify(const pot_keys *keys, const uint8_t seed[16], const uint8_t cps[128],
                        uint64_t half);

/* AES-NI (xmm, one block per instruction). */
void pot_aesni_encrypt_block(const pot_keys *keys, uint8_t block[16]);
void pot_aesni_decrypt_block(const pot_keys *keys, uint8_t block[16]);
void pot_aesni_prove(const pot_keys *keys, const uint8_t seed[16], uint64_t per, uint8_t out[128]);
int pot_aesni_verify(const pot_keys *keys, const uint8_t seed[16], const uint8_t cps[128],
                     uint64_t half);

/* VAES with AVX-512 (zmm, four blocks per instruction). Prove is sequential: it uses AES-NI. */
int pot_vaes_verify(const pot_keys *keys, const uint8_t seed[16], const uint8_t cps[128],
                    uint64_t half);

#endif
