#ifndef ANNALS_KERNELS_H
#define ANNALS_KERNELS_H

#include <stdint.h>
#include <stddef.h>

/* Every symbol the Java side looks up is marked with this; everything else stays hidden. */
#define ANNALS_EXPORT __attribute__((visibility("default")))

/* Bumped whenever an exported signature changes, so a stale library is refused, not misused. */
#define ANNALS_KERNELS_ABI 4

#endif
