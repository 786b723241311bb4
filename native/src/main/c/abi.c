#include "annals_kernels.h"

ANNALS_EXPORT int32_t annals_kernels_abi(void) { return ANNALS_KERNELS_ABI; }

/* Bit 0: AVX2, bit 1: AVX-512 F+VL+BW, bit 2: VAES; the Java side reports these at start-up. */
ANNALS_EXPORT int32_t annals_kernels_cpu_features(void) {
  __builtin_cpu_init();
  int32_t features = 0;
  if (__builtin_cpu_supports("avx2")) features |= 1;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512bw"))
    features |= 2;
  if (__builtin_cpu_supports("vaes")) features |= 4;
  return features;
}

#include "blake3_core.h"

/*
 * The plain or keyed (key != NULL) BLAKE3 hash of an input of at most 1024 bytes. Exported so the
 * tests can check the shared C core against the Java kernel and the official vectors directly.
 */
ANNALS_EXPORT int32_t annals_blake3_hash_chunk(const uint8_t *key, const uint8_t *input,
                                               int64_t len, uint8_t *out) {
  if (len < 0 || len > B3_CHUNK_LEN) return -1;
  uint32_t words[8];
  uint8_t mode = 0;
  if (key != NULL) {
    for (int i = 0; i < 8; i++) words[i] = b3_load32(key + 4 * i);
    mode = B3_KEYED_HASH;
  } else {
    for (int i = 0; i < 8; i++) words[i] = B3_IV[i];
  }
  b3_hash_chunk(words, mode, input, (size_t)len, out);
  return 0;
}
