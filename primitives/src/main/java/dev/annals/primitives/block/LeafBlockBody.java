package dev.annals.primitives.block;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Leaf shard body: own segments (count u8, then first index u64 and roots if non-zero), transaction
 * count u32, then each transaction as length u32 and its opaque bytes. Root: {@code pair(own
 * segments root or zero, transactions root)}, the transactions root being the unbalanced root over
 * {@code H(H(transaction))} (zero for none).
 */
public record LeafBlockBody(Optional<OwnSegments> ownSegments, List<Bytes> transactions)
    implements BlockBody {
  public LeafBlockBody {
    if (ownSegments == null || transactions == null) {
      throw new IllegalArgumentException("leaf body: every field must be set (value null)");
    }
    transactions = List.copyOf(transactions);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.LEAF;
  }

  @Override
  public byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(64);
    OwnSegments.encodeOptional(w, ownSegments);
    w.u32(transactions.size());
    for (Bytes tx : transactions) {
      w.u32(tx.length()).bytes(tx);
    }
    return w.toByteArray();
  }

  public static LeafBlockBody decode(byte[] bytes) {
    ByteReader r = new ByteReader(bytes);
    Optional<OwnSegments> own = OwnSegments.decodeOptional(r);
    long count = r.u32("transactions.count");
    // Each transaction needs at least its 4-byte length: bound the count before allocating.
    if (count > r.remaining() / 4) {
      throw new DecodeException(
          "transactions.count",
          Long.toString(count),
          "more transactions than the remaining " + r.remaining() + " bytes can hold");
    }
    List<Bytes> txs = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      long length = r.u32("transactions[" + i + "].length");
      if (length > r.remaining()) {
        throw new DecodeException(
            "transactions[" + i + "].length",
            Long.toString(length),
            "longer than the remaining " + r.remaining() + " bytes");
      }
      txs.add(r.fixed("transactions[" + i + "].bytes", (int) length));
    }
    r.expectEnd("leaf_body");
    return new LeafBlockBody(own, txs);
  }

  public Hash transactionsRoot() {
    List<Hash> hashes = new ArrayList<>(transactions.size());
    for (Bytes tx : transactions) {
      hashes.add(Hash.blake3(tx.toBytes()));
    }
    return MerkleRoots.rehashedRootOrZero(hashes);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    return MerkleRoots.pair(
        ownSegments.map(OwnSegments::root).orElse(Hash.ZERO), transactionsRoot());
  }
}
