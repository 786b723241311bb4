package dev.annals.node.archiving;

import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What storage holds of one shard's archive (its archiver state and segment headers), read with
 * every inconsistency reported as corruption of that shard.
 */
final class StoredArchive {
  private final ChainStorage storage;
  private final ShardIndex shard;

  StoredArchive(ChainStorage storage, ShardIndex shard) {
    this.storage = storage;
    this.shard = shard;
  }

  Optional<ArchiverState> state() {
    Optional<byte[]> bytes = storage.archiverState(shard);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ArchiverState.decode(bytes.get()));
    } catch (DecodeException e) {
      throw corruption("archiver state does not decode: " + e.getMessage());
    }
  }

  /** The last block number a committed step fed, -1 for none. */
  long committedThrough() {
    return state().map(s -> s.fedThrough().value()).orElse(-1L);
  }

  Optional<SegmentHeader> lastHeader() {
    return storage.lastSegmentHeader(shard);
  }

  SegmentHeader header(long index) {
    return storage
        .segmentHeader(shard, new LocalSegmentIndex(index))
        .orElseThrow(
            () ->
                corruption(
                    "segment " + index + " is missing below the last stored segment header"));
  }

  /** The stored segments whose last archived block is {@code number}, in order. */
  List<SegmentHeader> closedBy(long number) {
    Optional<SegmentHeader> last = lastHeader();
    if (last.isEmpty()) {
      return List.of();
    }
    // Segments close in block order: binary search for the first whose last block is >= number.
    long lo = 0;
    long hi = last.get().index().value() + 1;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (header(mid).lastArchivedBlock().number().value() < number) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<SegmentHeader> out = new ArrayList<>();
    for (long i = lo; i <= last.get().index().value(); i++) {
      SegmentHeader header = header(i);
      if (header.lastArchivedBlock().number().value() != number) {
        break;
      }
      out.add(header);
    }
    return out;
  }

  DatabaseCorruptionException corruption(String what) {
    return new DatabaseCorruptionException(
        "shard "
            + shard
            + " in "
            + storage.database().path()
            + ": "
            + what
            + ". It was not changed; restore a backup or resync into an empty data directory.");
  }
}
