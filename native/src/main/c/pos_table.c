#include <pthread.h>
#include <string.h>

#include "annals_kernels.h"
#include "pos_internal.h"

/*
 * The proof-of-space table build and proof extraction for one seed, bit-exact with the Java
 * PosTableBuilder/PosTables (and so with Abundance): bucket cap 272, match cap 288, position order
 * throughout, the first table-7 match per s-bucket wins, proofs for the first numSBuckets/2
 * s-buckets with a target. All memory is one workspace the caller owns (sized by
 * annals_pos_workspace_size) and reuses across seeds; nothing is allocated here.
 */

int32_t annals_kernels_cpu_features(void);

#define NONE 0xffffffffu

int pos_resolve_path(int requested) {
  int32_t f = annals_kernels_cpu_features();
  int avx2 = (f & 1) != 0, avx512 = (f & 2) != 0;
  switch (requested) {
    case POS_PATH_AUTO:
      return avx512 ? POS_PATH_AVX512 : avx2 ? POS_PATH_AVX2 : POS_PATH_PORTABLE;
    case POS_PATH_PORTABLE:
      return POS_PATH_PORTABLE;
    case POS_PATH_AVX2:
      return avx2 ? POS_PATH_AVX2 : -1;
    case POS_PATH_AVX512:
      return avx512 ? POS_PATH_AVX512 : -1;
    default:
      return -1;
  }
}

/* ---- the workspace ---- */

typedef struct {
  int k, num_s, threads, path;
  uint32_t num_buckets, pairs, cap, limit;
  size_t ks_blocks;
  uint8_t *keystream;
  uint32_t *bucket_ys, *bucket_pos, *bucket_cnt;
  pos_u128 *bucket_meta; /* metadata travels with its entry, so fn never reads it at random */
  uint16_t *slot_left, *slot_right;
  uint32_t *slot_cnt, *slot_off;
  uint32_t *lefts[8], *rights[8]; /* tables 2..7: the two parent positions of every entry */
  uint32_t *ys;
  pos_u128 *meta; /* the new table's metadata in position order, until it is bucketed */
  uint32_t *rmaps;   /* POS_RMAP_WORDS per worker */
  uint32_t *target_left, *target_right;
  uint32_t *proof_s;
} workspace;

static int valid_shape(int k, int num_s, int threads) {
  if (k < 12 || k > 25) return 0;
  if (num_s < 2 || num_s > 65536 || (num_s & (num_s - 1)) != 0 || num_s > (1 << k)) return 0;
  return threads >= 1 && threads <= POS_MAX_THREADS;
}

/* Lays the regions out from base (64-byte aligned each); with base NULL only sizes them. */
static size_t layout(workspace *w, int k, int num_s, int threads, uint8_t *base) {
  w->k = k;
  w->num_s = num_s;
  w->threads = threads;
  w->num_buckets = (uint32_t)(((1ull << (k + POS_EXT)) + POS_BC - 1) / POS_BC);
  w->pairs = w->num_buckets - 1;
  uint32_t by_matches = w->pairs * POS_MATCH_CAP;
  w->cap = by_matches > (1u << k) ? by_matches : (1u << k);
  w->limit = (uint32_t)num_s / 2;
  w->ks_blocks = (((size_t)k << k) / 8 + 63) / 64;
  size_t off = 0;
#define CARVE(field, type, count)                            \
  do {                                                       \
    off = (off + 63) & ~(size_t)63;                          \
    w->field = base ? (type *)(void *)(base + off) : NULL;   \
    off += (size_t)(count) * sizeof(type);                   \
  } while (0)
  /* 8 bytes of slack: f1 reads 64 bits at a time. */
  CARVE(keystream, uint8_t, w->ks_blocks * 64 + 8);
  CARVE(bucket_ys, uint32_t, (size_t)w->num_buckets * POS_BUCKET_CAP);
  CARVE(bucket_pos, uint32_t, (size_t)w->num_buckets * POS_BUCKET_CAP);
  CARVE(bucket_cnt, uint32_t, w->num_buckets);
  CARVE(bucket_meta, pos_u128, (size_t)w->num_buckets * POS_BUCKET_CAP);
  CARVE(slot_left, uint16_t, (size_t)w->pairs * POS_MATCH_SLOT);
  CARVE(slot_right, uint16_t, (size_t)w->pairs * POS_MATCH_SLOT);
  CARVE(slot_cnt, uint32_t, w->pairs);
  CARVE(slot_off, uint32_t, w->pairs + 1);
  for (int t = 2; t <= 7; t++) {
    CARVE(lefts[t], uint32_t, w->cap);
    CARVE(rights[t], uint32_t, w->cap);
  }
  CARVE(ys, uint32_t, w->cap);
  CARVE(meta, pos_u128, w->cap);
  CARVE(rmaps, uint32_t, (size_t)threads * POS_RMAP_WORDS);
  CARVE(target_left, uint32_t, num_s);
  CARVE(target_right, uint32_t, num_s);
  CARVE(proof_s, uint32_t, w->limit);
#undef CARVE
  return off + 64;
}

/* ---- threads: [0, n) split into contiguous ranges, one per worker ---- */

typedef void (*range_fn)(workspace *w, void *arg, uint32_t from, uint32_t to, int worker);

typedef struct {
  range_fn fn;
  workspace *w;
  void *arg;
  uint32_t from, to;
  int worker;
} job;

static void *run_job(void *p) {
  job *j = p;
  j->fn(j->w, j->arg, j->from, j->to, j->worker);
  return NULL;
}

/* A range whose thread cannot start runs on the caller afterwards: slower, never wrong. */
static void parallel(workspace *w, uint32_t n, range_fn fn, void *arg) {
  int parts = w->threads < (int)n ? w->threads : (int)n;
  if (parts <= 1) {
    fn(w, arg, 0, n, 0);
    return;
  }
  pthread_t tids[POS_MAX_THREADS];
  job jobs[POS_MAX_THREADS];
  int started[POS_MAX_THREADS];
  for (int p = 0; p < parts; p++) {
    jobs[p] = (job){fn, w, arg, (uint32_t)((uint64_t)n * p / parts),
                    (uint32_t)((uint64_t)n * (p + 1) / parts), p};
    started[p] = p > 0 && pthread_create(&tids[p], NULL, run_job, &jobs[p]) == 0;
  }
  run_job(&jobs[0]);
  for (int p = 1; p < parts; p++) {
    if (started[p]) {
      pthread_join(tids[p], NULL);
    } else {
      run_job(&jobs[p]);
    }
  }
}

/* ---- table 1 ---- */

static void keystream_range(workspace *w, void *arg, uint32_t from, uint32_t to, int worker) {
  (void)worker;
  pos_chacha8_blocks(arg, from, w->keystream + 64 * (size_t)from, to - from, w->path);
}

static inline uint64_t load_be64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

/* Appends an entry to its bucket unless the bucket is full; returns its slot or -1. */
static inline ptrdiff_t add_to_bucket(workspace *w, uint32_t position, uint32_t y) {
  uint32_t b = y / POS_BC;
  uint32_t c = w->bucket_cnt[b];
  if (c >= POS_BUCKET_CAP) return -1;
  size_t slot = (size_t)b * POS_BUCKET_CAP + c;
  w->bucket_pos[slot] = position;
  w->bucket_ys[slot] = y;
  w->bucket_cnt[b] = c + 1;
  return (ptrdiff_t)slot;
}

/* f1 of x in [from, to) into ys (the keystream read as one big-endian bit string). */
static void f1_range(workspace *w, void *arg, uint32_t from, uint32_t to, int worker) {
  (void)arg;
  (void)worker;
  int k = w->k;
  for (uint32_t x = from; x < to; x++) {
    uint64_t bit = (uint64_t)x * (uint64_t)k;
    uint64_t v = load_be64(w->keystream + (bit >> 3));
    uint32_t partial = (uint32_t)((v << (bit & 7)) >> (64 - k));
    w->ys[x] = (partial << POS_EXT) | (x >> (k - POS_EXT));
  }
}

static void build_table1(workspace *w) {
  memset(w->keystream + w->ks_blocks * 64, 0, 8);
  uint32_t n = 1u << w->k;
  parallel(w, n, f1_range, NULL);
  memset(w->bucket_cnt, 0, w->num_buckets * sizeof(uint32_t));
  /* Table-1 metadata is x, the position itself: fn for table 2 reads it from bucket_pos. */
  for (uint32_t x = 0; x < n; x++) add_to_bucket(w, x, w->ys[x]);
}

/* ---- tables 2..7 ---- */

static void match_range(workspace *w, void *arg, uint32_t from, uint32_t to, int worker) {
  (void)arg;
  uint32_t *rmap = w->rmaps + (size_t)worker * POS_RMAP_WORDS;
  for (uint32_t p = from; p < to; p++) {
    size_t left = (size_t)p * POS_BUCKET_CAP, right = left + POS_BUCKET_CAP;
    w->slot_cnt[p] = pos_match_pair(w->path, p, w->bucket_ys + left, w->bucket_cnt[p],
                                    w->bucket_ys + right, w->bucket_cnt[p + 1], rmap,
                                    w->slot_left + (size_t)p * POS_MATCH_SLOT,
                                    w->slot_right + (size_t)p * POS_MATCH_SLOT);
  }
}


/* Turns each pair's matches into the table's next positions and computes their fn. */
static void fn_range(workspace *w, void *arg, uint32_t from, uint32_t to, int worker) {
  (void)worker;
  int k = w->k, table = *(const int *)arg;
  uint32_t *lefts = w->lefts[table], *rights = w->rights[table];
  uint32_t left_ys[POS_MATCH_CAP];
  pos_u128 meta_left[POS_MATCH_CAP], meta_right[POS_MATCH_CAP];
  for (uint32_t p = from; p < to; p++) {
    const uint16_t *sl = w->slot_left + (size_t)p * POS_MATCH_SLOT;
    const uint16_t *sr = w->slot_right + (size_t)p * POS_MATCH_SLOT;
    size_t left_base = (size_t)p * POS_BUCKET_CAP, right_base = left_base + POS_BUCKET_CAP;
    uint32_t first = w->slot_off[p], n = w->slot_cnt[p];
    for (uint32_t j = 0; j < n; j++) {
      size_t li = left_base + sl[j], ri = right_base + sr[j];
      lefts[first + j] = w->bucket_pos[li];
      rights[first + j] = w->bucket_pos[ri];
      left_ys[j] = w->bucket_ys[li];
      meta_left[j] = table == 2 ? w->bucket_pos[li] : w->bucket_meta[li];
      meta_right[j] = table == 2 ? w->bucket_pos[ri] : w->bucket_meta[ri];
    }
    pos_fn_many(k, table, n, left_ys, meta_left, meta_right, w->ys + first,
                table < 7 ? w->meta + first : NULL);
  }
}

static void build_tables(workspace *w) {
  for (int table = 2; table <= 7; table++) {
    parallel(w, w->pairs, match_range, NULL);
    uint32_t total = 0;
    for (uint32_t p = 0; p < w->pairs; p++) {
      w->slot_off[p] = total;
      total += w->slot_cnt[p];
    }
    w->slot_off[w->pairs] = total;
    parallel(w, w->pairs, fn_range, &table);
    if (table < 7) {
      memset(w->bucket_cnt, 0, w->num_buckets * sizeof(uint32_t));
      for (uint32_t position = 0; position < total; position++) {
        ptrdiff_t slot = add_to_bucket(w, position, w->ys[position]);
        if (slot >= 0) w->bucket_meta[slot] = w->meta[position];
      }
    } else {
      /* The first match (position order) of each usable s-bucket is its target. */
      memset(w->target_left, 0xff, (size_t)w->num_s * sizeof(uint32_t));
      for (uint32_t position = 0; position < total; position++) {
        uint32_t s = w->ys[position] >> POS_EXT;
        if (s < (uint32_t)w->num_s && w->target_left[s] == NONE) {
          w->target_left[s] = w->lefts[7][position];
          w->target_right[s] = w->rights[7][position];
        }
      }
    }
  }
}

/* ---- proofs ---- */

typedef struct {
  uint8_t *proofs;
} proof_args;

/* Expands s's target through tables 6..2 (left before right) and packs the 64 x's MSB first. */
static void proof_range(workspace *w, void *arg, uint32_t from, uint32_t to, int worker) {
  (void)worker;
  uint8_t *out = ((proof_args *)arg)->proofs;
  int k = w->k;
  size_t size = 8 * (size_t)k;
  for (uint32_t i = from; i < to; i++) {
    uint32_t s = w->proof_s[i];
    uint32_t a[64], b[64];
    uint32_t *cur = a, *next = b;
    cur[0] = w->target_left[s];
    cur[1] = w->target_right[s];
    uint32_t n = 2;
    for (int table = 6; table >= 2; table--) {
      const uint32_t *l = w->lefts[table], *r = w->rights[table];
      for (uint32_t j = 0; j < n; j++) {
        next[2 * j] = l[cur[j]];
        next[2 * j + 1] = r[cur[j]];
      }
      uint32_t *t = cur;
      cur = next;
      next = t;
      n *= 2;
    }
    /* 64 k-bit fields are exactly k 64-bit words. */
    uint64_t words[25] = {0};
    uint32_t bit = 0;
    for (int j = 0; j < 64; j++, bit += (uint32_t)k) {
      uint64_t aligned = (uint64_t)cur[j] << (64 - k);
      uint32_t word = bit >> 6, offset = bit & 63;
      words[word] |= aligned >> offset;
      if (offset != 0 && offset + (uint32_t)k > 64) words[word + 1] |= aligned << (64 - offset);
    }
    uint8_t *o = out + (size_t)i * size;
    for (int j = 0; j < k; j++) {
      uint64_t be = __builtin_bswap64(words[j]);
      memcpy(o + 8 * j, &be, 8);
    }
  }
}

static uint32_t create_proofs(workspace *w, uint8_t *found, uint8_t *proofs) {
  memset(found, 0, ((size_t)w->num_s + 7) / 8);
  uint32_t count = 0;
  for (uint32_t s = 0; s < (uint32_t)w->num_s && count < w->limit; s++) {
    if (w->target_left[s] != NONE) {
      found[s >> 3] |= (uint8_t)(1u << (s & 7));
      w->proof_s[count++] = s;
    }
  }
  proof_args a = {proofs};
  parallel(w, count, proof_range, &a);
  return count;
}

/* ---- exports ---- */

/* Bytes of workspace annals_pos_create_proofs needs, or -1 for a bad shape or thread count. */
ANNALS_EXPORT int64_t annals_pos_workspace_size(int32_t k, int32_t num_s_buckets,
                                                int32_t threads) {
  if (!valid_shape(k, num_s_buckets, threads)) return -1;
  workspace w;
  return (int64_t)layout(&w, k, num_s_buckets, threads, NULL);
}

/*
 * Builds the tables for a 32-byte seed and writes the record's proofs: found gets
 * ceil(num_s_buckets / 8) bytes of bitmap, proofs up to num_s_buckets / 2 proofs of 8k bytes.
 * Returns the number of proofs, or -1 bad shape/threads, -2 workspace too small, -3 path not
 * available on this CPU.
 */
ANNALS_EXPORT int32_t annals_pos_create_proofs(const uint8_t *seed, int32_t k,
                                               int32_t num_s_buckets, int32_t threads,
                                               int32_t path, uint8_t *workspace_base,
                                               int64_t workspace_len, uint8_t *found,
                                               uint8_t *proofs) {
  if (!valid_shape(k, num_s_buckets, threads)) return -1;
  workspace w;
  size_t need = layout(&w, k, num_s_buckets, threads, NULL);
  if (workspace_len < 0 || (uint64_t)workspace_len < need) return -2;
  int resolved = pos_resolve_path(path);
  if (resolved < 0) return -3;
  uint8_t *base = (uint8_t *)(((uintptr_t)workspace_base + 63) & ~(uintptr_t)63);
  layout(&w, k, num_s_buckets, threads, base);
  w.path = resolved;
  memset(w.rmaps, 0, (size_t)threads * POS_RMAP_WORDS * sizeof(uint32_t));
  uint8_t key[32];
  memcpy(key, seed, 32);
  parallel(&w, (uint32_t)w.ks_blocks, keystream_range, key);
  build_table1(&w);
  build_tables(&w);
  return (int32_t)create_proofs(&w, found, proofs);
}

/* Test entry: f1 of a single x (k 12..25), from the ChaCha8 blocks holding its bits. */
ANNALS_EXPORT int32_t annals_pos_f1(const uint8_t *seed, int32_t k, int32_t x) {
  if (k < 12 || k > 25 || x < 0 || (uint32_t)x >= (1u << k)) return -1;
  uint64_t bit = (uint64_t)x * (uint64_t)k;
  uint8_t blocks[128 + 8] = {0};
  pos_chacha8_blocks(seed, (bit >> 3) / 64, blocks, 2, POS_PATH_PORTABLE);
  uint64_t v = load_be64(blocks + (bit >> 3) % 64);
  uint32_t partial = (uint32_t)((v << (bit & 7)) >> (64 - k));
  return (int32_t)((partial << POS_EXT) | ((uint32_t)x >> (k - POS_EXT)));
}

/*
 * Test entry: fn of table (2..7) for one match; out gets the metadata as {high, low} 64-bit
 * halves. Returns y, or -1 for a bad k or table.
 */
ANNALS_EXPORT int32_t annals_pos_fn(int32_t k, int32_t table, int32_t left_y, int64_t left_hi,
                                    int64_t left_lo, int64_t right_hi, int64_t right_lo,
                                    int64_t *out) {
  if (k < 12 || k > 25 || table < 2 || table > 7) return -1;
  pos_u128 ml = ((pos_u128)(uint64_t)left_hi << 64) | (uint64_t)left_lo;
  pos_u128 mr = ((pos_u128)(uint64_t)right_hi << 64) | (uint64_t)right_lo;
  pos_u128 meta = 0;
  uint32_t y = 0, in_y = (uint32_t)left_y;
  pos_fn_many(k, table, 1, &in_y, &ml, &mr, &y, &meta);
  out[0] = (int64_t)(uint64_t)(meta >> 64);
  out[1] = (int64_t)(uint64_t)meta;
  return (int32_t)y;
}
