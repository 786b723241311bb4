package dev.annals.kernel.pos;

import static dev.annals.kernel.pos.ChiaConstants.BUCKET_CAP;
import static dev.annals.kernel.pos.ChiaConstants.MATCH_CAP;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_BC;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.ChaCha8;
import java.util.Arrays;

/**
 * Builds the seven tables for one seed exactly as Abundance does (bucket cap 272, match cap 288,
 * two right entries per offset, position order throughout, first match per s-bucket wins). Holds
 * all scratch memory, so a farmer plotting many records reuses one builder per worker. Not
 * thread-safe; {@code threads} bounds the helper threads one build uses.
 */
public final class PosTableBuilder {
  private final PosParameters params;
  private final ChaCha8 chacha;
  private final int threads;
  private final int numBuckets;
  private final int capacity;
  private final byte[] keystream;
  private final int[] bucketPositions;
  private final int[] bucketYs;
  private final int[] bucketCounts;
  private final int[] ys;
  private final int[] matchLeft;
  private final int[] matchRight;
  private long[] parentHi;
  private long[] parentLo;
  private long[] childHi;
  private long[] childLo;
  private final MatchFinder finder = new MatchFinder();
  private final FnHasher[] hashers;

  public PosTableBuilder(PosParameters params, Blake3 blake3, ChaCha8 chacha, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("PoS build threads must be >= 1, got " + threads);
    }
    this.params = params;
    this.chacha = chacha;
    this.threads = threads;
    this.numBuckets = params.numBuckets();
    // Every bucket pair yields at most 288 matches; the finder may write up to 128 past that.
    this.capacity =
        Math.max(1 << params.k(), (numBuckets - 1) * MATCH_CAP) + MatchFinder.MATCH_BUFFER;
    this.keystream = new byte[F1.keystreamBufferLength(params.k())];
    this.bucketPositions = new int[numBuckets * BUCKET_CAP];
    this.bucketYs = new int[numBuckets * BUCKET_CAP];
    this.bucketCounts = new int[numBuckets];
    this.ys = new int[capacity];
    this.matchLeft = new int[capacity];
    this.matchRight = new int[capacity];
    this.parentHi = new long[capacity];
    this.parentLo = new long[capacity];
    this.childHi = new long[capacity];
    this.childLo = new long[capacity];
    this.hashers = new FnHasher[threads];
    for (int i = 0; i < threads; i++) {
      hashers[i] = new FnHasher(blake3, params);
    }
  }

  public PosParameters parameters() {
    return params;
  }

  /** Builds all tables for a 32-byte seed. */
  public PosTables build(byte[] seed) {
    if (seed.length != ChaCha8.KEY_LEN) {
      throw new IllegalArgumentException("PoS seed must be 32 bytes, got " + seed.length);
    }
    int k = params.k();
    F1.keystream(chacha, seed, k, keystream, threads);
    Arrays.fill(bucketCounts, 0);
    for (int x = 0, n = 1 << k; x < n; x++) {
      addToBucket(x, F1.y(keystream, k, x));
    }
    int[][] lefts = new int[8][];
    int[][] rights = new int[8][];
    int[] targetLeft = new int[params.numSBuckets()];
    int[] targetRight = new int[params.numSBuckets()];
    for (int table = 2; table <= 7; table++) {
      int[] left = matchLeft;
      int[] right = matchRight;
      int count = 0;
      for (int b = 0; b < numBuckets - 1; b++) {
        count +=
            finder.find(
                b,
                bucketPositions,
                bucketYs,
                b * BUCKET_CAP,
                bucketCounts[b],
                (b + 1) * BUCKET_CAP,
                bucketCounts[b + 1],
                left,
                right,
                ys,
                count);
      }
      computeFn(table, count, left, right);
      if (table < 7) {
        Arrays.fill(bucketCounts, 0);
        for (int position = 0; position < count; position++) {
          addToBucket(position, ys[position]);
        }
        long[] t = parentHi;
        parentHi = childHi;
        childHi = t;
        t = parentLo;
        parentLo = childLo;
        childLo = t;
        lefts[table] = Arrays.copyOf(left, count);
        rights[table] = Arrays.copyOf(right, count);
      } else {
        selectTargets(count, left, right, targetLeft, targetRight);
      }
    }
    return new PosTables(params, lefts, rights, targetLeft, targetRight);
  }

  private void addToBucket(int position, int y) {
    int b = y / PARAM_BC;
    int c = bucketCounts[b];
    if (c < BUCKET_CAP) {
      int slot = b * BUCKET_CAP + c;
      bucketPositions[slot] = position;
      bucketYs[slot] = y;
      bucketCounts[b] = c + 1;
    }
  }

  private void computeFn(int table, int count, int[] left, int[] right) {
    boolean fromTableOne = table == 2;
    long[] pHi = fromTableOne ? null : parentHi;
    long[] pLo = fromTableOne ? null : parentLo;
    // Split on chunk boundaries so each thread hashes whole batches.
    int chunks = (count + FnHasher.CHUNK - 1) / FnHasher.CHUNK;
    int[] next = {0};
    ParallelRanges.run(
        threads,
        chunks,
        (fromChunk, toChunk) -> {
          FnHasher hasher = claimHasher(next);
          hasher.compute(
              table,
              fromChunk * FnHasher.CHUNK,
              Math.min(count, toChunk * FnHasher.CHUNK),
              ys,
              left,
              right,
              pHi,
              pLo,
              childHi,
              childLo);
        });
  }

  private FnHasher claimHasher(int[] next) {
    synchronized (next) {
      return hashers[next[0]++];
    }
  }

  /** Table 7: the first match (position order) whose s = y7 >> 6 is a usable s-bucket wins. */
  private void selectTargets(
      int count, int[] left, int[] right, int[] targetLeft, int[] targetRight) {
    Arrays.fill(targetLeft, -1);
    int numSBuckets = params.numSBuckets();
    for (int position = 0; position < count; position++) {
      int s = ys[position] >>> ChiaConstants.PARAM_EXT;
      if (s < numSBuckets && targetLeft[s] < 0) {
        targetLeft[s] = left[position];
        targetRight[s] = right[position];
      }
    }
  }
}
