/*
 * hash.c - a fast non-cryptographic 64-bit hash for repeat detection.
 * Two independent multiply lanes over 8-byte words, then a final
 * avalanche. Only equality of hashes matters (candidates are always
 * confirmed byte by byte), so speed comes first.
 */
#include "internal.h"

#define K1 0x9E3779B97F4A7C15ull
#define K2 0xC2B2AE3D27D4EB4Full
#define K3 0x165667B19E3779F9ull

static inline uint64_t load64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* One multiply a word, and a shift that brings its high bits down (a
 * multiply only carries a difference upwards); equal hashes are only
 * candidates anyway. */
static inline uint64_t step(uint64_t h, uint64_t v) {
    h = (h ^ v) * K1;
    return h ^ (h >> 29);
}

static inline uint64_t avalanche(uint64_t h) {
    h ^= h >> 33;
    h *= K2;
    h ^= h >> 29;
    h *= K3;
    h ^= h >> 32;
    return h;
}

uint64_t wn_hash(const void *data, size_t n, uint64_t seed) {
    const unsigned char *p = data;
    uint64_t a = seed ^ K3 ^ (uint64_t)n, b = seed + K1;
    size_t len = n;
    while (n >= 16) {
        a = step(a, load64(p));
        b = step(b, load64(p + 8));
        p += 16;
        n -= 16;
    }
    if (n >= 8) {
        a = step(a, load64(p));
        p += 8;
        n -= 8;
    }
    if (n) {
        /* the last eight bytes of the text (some hashed already: the length
         * is in the seed), or the few there are */
        uint64_t t = 0;
        if (len >= 8)
            t = load64(p + n - 8);
        else
            memcpy(&t, p, n);
        b = step(b, t ^ ((uint64_t)n << 56));
    }
    return avalanche(a ^ ((b << 17) | (b >> 47)) ^ (b >> 31));
}
