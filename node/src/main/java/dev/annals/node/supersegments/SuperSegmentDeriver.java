package dev.annals.node.supersegments;

import dev.annals.node.archiving.ChainWalker;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which segments beacon block N folds into a super segment (docs/node-archiving.md §3): N's own
 * segments, then the shard segments reported in the beacon block {@code N − (block confirmation
 * depth + shard confirmation depth)} of N's chain in body order, less those a later report (later
 * in that body, or in a body up to and including N's) repeats from a lower or equal local index.
 * Reads the beacon chain from storage; N itself is given, as it is being built or imported.
 */
public final class SuperSegmentDeriver {
  private final ChainStorage storage;
  private final ChainWalker walker;
  private final ProtocolParameters params;

  public SuperSegmentDeriver(ChainStorage storage) {
    this.storage = storage;
    this.walker = new ChainWalker(storage);
    this.params = storage.params();
  }

  /** The beacon block whose shard reports block {@code number} folds, or -1 for none yet. */
  public long reportBlockFor(long number) {
    long lag = params.blockConfirmationDepth() + params.shardConfirmationDepth();
    return number > lag ? number - lag : -1;
  }

  /**
   * The segments beacon block {@code number} (on the stored parent {@code parentRoot}, with body
   * {@code body}) folds, in super segment order; empty when it folds none. Only the body's own
   * segments and intermediate blocks are read, so a producer may pass a body without its
   * proof-of-time checkpoints.
   */
  public List<ShardSegmentRoot> segmentsAt(
      Hash parentRoot, BlockNumber number, BeaconBlockBody body) {
    BlockHeader parent = walker.header(parentRoot);
    if (!parent.prefix().shardIndex().equals(ShardIndex.BEACON)
        || parent.prefix().number().value() + 1 != number.value()) {
      throw new IllegalArgumentException(
          "parent "
              + parentRoot
              + ": must be beacon block number "
              + (number.value() - 1)
              + " (value shard "
              + parent.prefix().shardIndex()
              + " number "
              + parent.prefix().number()
              + ")");
    }
    List<ShardSegmentRoot> out = new ArrayList<>();
    body.ownSegments().ifPresent(own -> addAll(out, ShardIndex.BEACON, own));
    long report = reportBlockFor(number.value());
    if (report < 0) {
      return out;
    }
    List<Hash> roots = walker.roots(parentRoot, new BlockNumber(report));
    List<Reported> reported = reports(beaconBody(roots.getFirst()));
    if (reported.isEmpty()) {
      return out;
    }
    // The lowest local index each reported shard is reported from again later, scanning the later
    // bodies (N's last) and then the report block's own later entries, back to front.
    Map<ShardIndex, Long> lowestLater = new HashMap<>();
    for (Reported r : reported) {
      lowestLater.put(r.shard(), Long.MAX_VALUE);
    }
    for (int i = 1; i < roots.size(); i++) {
      lower(lowestLater, reports(beaconBody(roots.get(i))));
    }
    lower(lowestLater, reports(body));
    List<ShardSegmentRoot> kept = new ArrayList<>();
    for (int j = reported.size() - 1; j >= 0; j--) {
      Reported r = reported.get(j);
      long limit = lowestLater.get(r.shard());
      List<Hash> segmentRoots = r.segments().segmentRoots();
      long first = r.segments().firstLocalIndex().value();
      for (int k = segmentRoots.size() - 1; k >= 0; k--) {
        if (first + k < limit) {
          kept.add(
              new ShardSegmentRoot(
                  r.shard(), new LocalSegmentIndex(first + k), segmentRoots.get(k)));
        }
      }
      lowestLater.put(r.shard(), Math.min(limit, first));
    }
    Collections.reverse(kept);
    out.addAll(kept);
    return out;
  }

  /**
   * The super segment of beacon block {@code number} after {@code previous} (empty before the
   * first), or empty when the block folds no segment. The first super segment must hold just the
   * beacon genesis segment.
   */
  public Optional<SuperSegment> derive(
      Hash parentRoot,
      BlockNumber number,
      BeaconBlockBody body,
      Optional<SuperSegmentHeader> previous) {
    List<ShardSegmentRoot> segments = segmentsAt(parentRoot, number, body);
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    if (previous.isPresent()) {
      return Optional.of(SuperSegment.next(previous.get(), number, segments));
    }
    if (segments.size() != 1) {
      throw new IllegalStateException(
          "beacon block "
              + number
              + ": the first super segment must hold only the beacon genesis segment (value "
              + segments.size()
              + " segments)");
    }
    return Optional.of(SuperSegment.first(number, segments.getFirst()));
  }

  /**
   * Same, after the super segment in force on the parent's chain ({@link #previousFor}). Works for
   * a block of any fork; whether its super segment may land is the lander's question.
   */
  public Optional<SuperSegment> derive(Hash parentRoot, BlockNumber number, BeaconBlockBody body) {
    return derive(parentRoot, number, body, previousFor(parentRoot));
  }

  /**
   * The super segment header in force after the stored beacon block {@code beaconRoot}: the one
   * derived by it or by its latest ancestor whose consensus parameters carry a super segment root;
   * empty when none does. A landed one is read from storage (binary search by target block); one
   * derived on a fork, never landed, is derived again from that block's parent and checked against
   * the root its header carries.
   */
  public Optional<SuperSegmentHeader> previousFor(Hash beaconRoot) {
    Hash root = beaconRoot;
    while (true) {
      BeaconBlockHeader header = beaconHeader(root);
      long number = header.prefix().number().value();
      Optional<Hash> claimed = header.consensusParameters().superSegmentRoot();
      if (claimed.isPresent()) {
        Optional<SuperSegmentHeader> landed = landedTargeting(number);
        if (landed.isPresent() && landed.get().root().equals(claimed.get())) {
          return landed;
        }
        Hash parent = header.prefix().parentRoot();
        Optional<SuperSegment> again =
            derive(parent, header.prefix().number(), beaconBody(root), previousFor(parent));
        if (again.isEmpty() || !again.get().root().equals(claimed.get())) {
          throw new IllegalStateException(
              "stored beacon block "
                  + root
                  + " (number "
                  + number
                  + ") carries super segment root "
                  + claimed.get()
                  + " but its derivation gives "
                  + again.map(s -> s.root().toString()).orElse("none"));
        }
        return Optional.of(again.get().header());
      }
      if (number == 0) {
        return Optional.empty();
      }
      root = header.prefix().parentRoot();
    }
  }

  /** The landed super segment whose target is beacon block {@code number}, if any. */
  private Optional<SuperSegmentHeader> landedTargeting(long number) {
    Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    // Targets strictly increase with the index.
    long lo = 0;
    long hi = last.get().index().value();
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      SuperSegmentHeader header =
          storage
              .superSegmentHeader(new SuperSegmentIndex(mid))
              .orElseThrow(
                  () ->
                      new DatabaseCorruptionException(
                          "super segment "
                              + mid
                              + " is missing below the last stored one in "
                              + storage.database().path()));
      long target = header.targetBeaconBlockNumber().value();
      if (target == number) {
        return Optional.of(header);
      }
      if (target < number) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }

  private BeaconBlockHeader beaconHeader(Hash root) {
    BlockHeader header = walker.header(root);
    if (!(header instanceof BeaconBlockHeader beacon)) {
      throw new IllegalArgumentException(
          "block " + root + ": not a beacon block (shard " + header.prefix().shardIndex() + ")");
    }
    return beacon;
  }

  private BeaconBlockBody beaconBody(Hash root) {
    BlockBody body = walker.body(root);
    if (!(body instanceof BeaconBlockBody beacon)) {
      throw new IllegalStateException(
          "block " + root + ": not a beacon block (" + body.kind() + ")");
    }
    return beacon;
  }

  private static void addAll(List<ShardSegmentRoot> out, ShardIndex shard, OwnSegments segments) {
    long first = segments.firstLocalIndex().value();
    List<Hash> roots = segments.segmentRoots();
    for (int k = 0; k < roots.size(); k++) {
      out.add(new ShardSegmentRoot(shard, new LocalSegmentIndex(first + k), roots.get(k)));
    }
  }

  private static void lower(Map<ShardIndex, Long> lowest, List<Reported> reports) {
    for (Reported r : reports) {
      lowest.computeIfPresent(
          r.shard(), (shard, low) -> Math.min(low, r.segments().firstLocalIndex().value()));
    }
  }

  /** A beacon body's shard reports in order: each intermediate block's own, then its leaves'. */
  private static List<Reported> reports(BeaconBlockBody body) {
    List<Reported> out = new ArrayList<>();
    for (IntermediateBlockInfo info : body.intermediateBlocks()) {
      ShardIndex intermediate = info.header().prefix().shardIndex();
      info.ownSegments().ifPresent(own -> out.add(new Reported(intermediate, own)));
      for (LeafSegments leaf : info.leafSegments()) {
        out.add(new Reported(leaf.shard(), leaf.segments()));
      }
    }
    return out;
  }

  private record Reported(ShardIndex shard, OwnSegments segments) {}
}
