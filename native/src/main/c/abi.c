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
