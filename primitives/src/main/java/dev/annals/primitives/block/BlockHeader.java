package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A block header of one of the three real shard kinds. Every header starts with the prefix, the
 * result and the consensus info and ends with the seal; the kind-specific parts sit between. The
 * kind is read from the prefix's shard index.
 */
public sealed interface BlockHeader
    permits BeaconBlockHeader, IntermediateBlockHeader, LeafBlockHeader {

  BlockHeaderPrefix prefix();

  BlockHeaderResult result();

  ConsensusInfo consensusInfo();

  Seal seal();

  /** The same header under another seal (the seal is outside what it signs). */
  BlockHeader withSeal(Seal seal);

  ShardKind kind();

  /** Writes every byte before the seal. */
  void encodePreSealTo(ByteWriter w, ProtocolParameters params);

  /** The block root: unbalanced Merkle root over the hashes of the header's parts. */
  Hash root(ProtocolParameters params);

  default byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(params.consensusInfoSize() + 512);
    encodePreSealTo(w, params);
    seal().encodeTo(w);
    return w.toByteArray();
  }

  /** BLAKE3 of every header byte before the seal; the seal signs this. */
  default Hash preSealHash(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(params.consensusInfoSize() + 512);
    encodePreSealTo(w, params);
    return Hash.blake3(w.toByteArray());
  }

  /**
   * Decodes a header whose kind follows from the shard index in its prefix; no bytes may remain.
   */
  static BlockHeader decode(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    BlockHeader header = decodeFrom(r, params);
    r.expectEnd("block_header");
    return header;
  }

  /** Decodes one header from the reader's position (headers are self-delimiting). */
  static BlockHeader decodeFrom(ByteReader r, ProtocolParameters params) {
    String outer = r.scope(r.field("prefix."));
    BlockHeaderPrefix prefix = BlockHeaderPrefix.decodeFrom(r);
    r.scope(outer + "result.");
    BlockHeaderResult result = BlockHeaderResult.decodeFrom(r);
    r.scope(outer + "consensus_info.");
    ConsensusInfo consensusInfo = ConsensusInfo.decodeFrom(r, params);
    BlockHeader header =
        switch (prefix.shardIndex().kind()) {
          case BEACON -> {
            r.scope(outer + "child_shard_blocks.");
            ChildBlockRoots children = ChildBlockRoots.decodeFrom(r);
            r.scope(outer + "consensus_parameters.");
            ConsensusParameters parameters = ConsensusParameters.decodeFrom(r);
            r.scope(outer + "seal.");
            Seal seal = Seal.decodeFrom(r);
            yield new BeaconBlockHeader(prefix, result, consensusInfo, children, parameters, seal);
          }
          case INTERMEDIATE -> {
            r.scope(outer + "beacon_chain_info.");
            BeaconChainInfo beacon = BeaconChainInfo.decodeFrom(r);
            r.scope(outer + "child_shard_blocks.");
            ChildBlockRoots children = ChildBlockRoots.decodeFrom(r);
            r.scope(outer + "seal.");
            Seal seal = Seal.decodeFrom(r);
            yield new IntermediateBlockHeader(
                prefix, result, consensusInfo, beacon, children, seal);
          }
          case LEAF -> {
            r.scope(outer + "beacon_chain_info.");
            BeaconChainInfo beacon = BeaconChainInfo.decodeFrom(r);
            r.scope(outer + "seal.");
            Seal seal = Seal.decodeFrom(r);
            yield new LeafBlockHeader(prefix, result, consensusInfo, beacon, seal);
          }
          case PHANTOM -> throw new IllegalStateException("prefix decoding rejects phantom shards");
        };
    Hash expected = header.consensusInfo().solution().publicKeyHash();
    Hash actual = header.seal().publicKeyHash();
    if (!expected.equals(actual)) {
      throw new DecodeException(
          outer + "seal.public_key",
          header.seal().publicKey().toHex(),
          "its hash " + actual + " differs from the solution's public_key_hash " + expected);
    }
    r.scope(outer);
    return header;
  }
}
