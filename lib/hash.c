/*
 * hash.c - a fast non-cryptographic 64-bit hash for repeat detection.
 * Thirty-two bytes a step, folded into the state by two 64 x 64 -> 128-bit
 * multiplies, the last 32 bytes of the text as one more step, then a final
 * avalanche. Only equality of hashes matters (candidates are always
 * confirmed byte by byte), so speed comes first. wn_hash_key() is the
 * same hash of a short text and, in constant time, a key of a long one.
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

/* The 128-bit product of a and b folded to 64 bits: every bit of either
 * reaches the middle of the product, and the fold brings the high half
 * down onto the low one. One multiply for sixteen bytes of text. */
static inline uint64_t fold_mul(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
    __extension__ typedef unsigned __int128 u128; /* not ISO C: gcc and clang */
    u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    uint64_t lo = (mid << 32) | (uint32_t)ll;
    uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    return lo ^ hi;
#endif
}

static inline uint64_t avalanche(uint64_t h) {
    h ^= h >> 33;
    h *= K2;
    h ^= h >> 29;
    h *= K3;
    h ^= h >> 32;
    return h;
}

/* Thirty-two bytes folded into h: the four words, each with its own
 * constant (a word equal to its constant would zero the product: K1 and K2
 * are not text), h in one of the two products. */
static inline uint64_t block32(uint64_t h, const unsigned char *p) {
    return fold_mul(load64(p) ^ K1, load64(p + 8) ^ K2 ^ h) ^
           fold_mul(load64(p + 16) ^ K2, load64(p + 24) ^ K1);
}

uint64_t wn_hash(const void *data, size_t n, uint64_t seed) {
    const unsigned char *p = data;
    uint64_t h = seed ^ K3 ^ (uint64_t)n;
    /* whole blocks of 32 bytes, then the 32 that end the text (some
     * hashed twice: equal texts still hash alike, and the length is in the
     * start), so that the only branch that depends on the length beyond
     * the first is the loop's; shorter texts as two overlapping halves */
    if (n > 32) {
        const unsigned char *last = p + n - 32;
        for (; p < last; p += 32)
            h = block32(h, p);
        h = block32(h, last);
    } else if (n >= 16) {
        h = fold_mul(load64(p) ^ K1, load64(p + 8) ^ K2 ^ h) ^
            fold_mul(load64(p + n - 16) ^ K2, load64(p + n - 8) ^ K1);
    } else {
        uint64_t t0 = 0, t1 = 0;
        if (n >= 8) {
            t0 = load64(p);
            t1 = load64(p + n - 8);
        } else {
            memcpy(&t0, p, n);
        }
        h = fold_mul(t0 ^ K1, t1 ^ K2 ^ h);
    }
    return avalanche(h);
}

uint64_t wn_hash_key(const void *data, size_t n, size_t whole, uint64_t seed) {
    const unsigned char *p = data;
    if (n <= whole)
        return wn_hash(data, n, seed);
    /* its first, middle and last 32 bytes, and its length */
    uint64_t h = seed ^ K3 ^ (uint64_t)n;
    h = block32(h, p);
    h = block32(h, p + (n - 32) / 2);
    h = block32(h, p + n - 32);
    return avalanche(h);
}
