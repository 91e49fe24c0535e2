#pragma once

// MF_VECTOR_CLONES before a function compiles it for AVX-512, AVX2 and the baseline, and the
// loader picks the one the processor runs (GCC's and Clang's function multiversioning), so that
// its loops vectorise as wide as the machine allows while the binary still runs everywhere.
// Functions it calls that are inlined (MF_ALWAYS_INLINE) are compiled into each version.
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define MF_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef MF_VECTOR_CLONES
#define MF_VECTOR_CLONES
#endif

#define MF_ALWAYS_INLINE inline __attribute__((always_inline))
