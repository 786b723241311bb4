package dev.annals.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.primitives.Hash;
import dev.annals.primitives.U64;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.Solution;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * JSON views of decoded primitives. Field names are those of docs/PROTOCOL.md; u64 values are
 * printed as unsigned decimal numbers, hashes and byte strings as lower-case hex.
 */
final class PrimitivesJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PrimitivesJson() {}

  private static void u64(ObjectNode node, String field, long value) {
    node.put(field, new BigInteger(U64.toString(value)));
  }

  private static ArrayNode hashes(List<Hash> hashes) {
    ArrayNode array = F.arrayNode();
    hashes.forEach(h -> array.add(h.toHex()));
    return array;
  }

  static ObjectNode segmentHeader(SegmentHeader h) {
    ObjectNode node = F.objectNode();
    u64(node, "index", h.index().value());
    node.put("root", h.root().toHex());
    node.put("prev_segment_header_hash", h.previousHeaderHash().toHex());
    ObjectNode last = node.putObject("last_archived_block");
    u64(last, "number", h.lastArchivedBlock().number().value());
    last.put("archived_bytes", h.lastArchivedBlock().archivedBytes());
    node.put("hash", h.hash().toHex());
    return node;
  }

  static ObjectNode superSegmentHeader(SuperSegmentHeader h) {
    ObjectNode node = F.objectNode();
    u64(node, "index", h.index().value());
    node.put("root", h.root().toHex());
    node.put("prev_super_segment_header_hash", h.previousHeaderHash().toHex());
    u64(node, "max_segment_index", h.maxSegmentIndex().value());
    u64(node, "target_beacon_block_number", h.targetBeaconBlockNumber().value());
    node.put("num_segments", h.segmentCount());
    node.put("hash", h.hash().toHex());
    return node;
  }

  static ObjectNode pieceHeader(PieceHeader h) {
    ObjectNode node = F.objectNode();
    node.put("shard_index", h.shardIndex().value());
    u64(node, "local_segment_index", h.localSegmentIndex().value());
    u64(node, "super_segment_index", h.superSegmentIndex().value());
    node.put("segment_position", h.segmentPosition().value());
    node.put("segment_root", h.segmentRoot().toHex());
    node.set("segment_proof", hashes(h.segmentProof()));
    node.put("parity_chunks_root", h.parityChunksRoot().toHex());
    node.set("record_proof", hashes(h.recordProof()));
    return node;
  }

  static ObjectNode solution(Solution s) {
    ObjectNode node = F.objectNode();
    node.put("public_key_hash", s.publicKeyHash().toHex());
    ObjectNode commitment = node.putObject("shard_commitment");
    commitment.put("root", s.shardCommitment().root().toHex());
    commitment.set("proof", hashes(s.shardCommitment().proof()));
    commitment.put("leaf", s.shardCommitment().leaf().toHex());
    u64(node, "piece_local_segment_index", s.pieceLocalSegmentIndex().value());
    u64(node, "piece_super_segment_index", s.pieceSuperSegmentIndex().value());
    node.put("segment_root", s.segmentRoot().toHex());
    node.set("segment_proof", hashes(s.segmentProof()));
    node.put("record_root", s.recordRoot().toHex());
    node.set("record_proof", hashes(s.recordProof()));
    node.put("chunk", s.chunk().toHex());
    node.set("chunk_proof", hashes(s.chunkProof()));
    node.put("proof_of_space", s.proofOfSpace().toHex());
    u64(node, "history_size", s.historySize().segments());
    node.put("sector_index", s.sectorIndex().value());
    node.put("piece_offset", s.pieceOffset().value());
    node.put("segment_position", s.segmentPosition().value());
    node.put("piece_shard_index", s.pieceShardIndex().value());
    return node;
  }

  private static ObjectNode beaconChainInfo(BeaconChainInfo info) {
    ObjectNode node = F.objectNode();
    u64(node, "number", info.number().value());
    node.put("root", info.root().toHex());
    return node;
  }

  private static ObjectNode childBlocks(ChildBlockRoots roots) {
    ObjectNode node = F.objectNode();
    node.put("count", roots.roots().size());
    node.set("roots", hashes(roots.roots()));
    return node;
  }

  private static ObjectNode consensusParameters(ConsensusParameters p) {
    ObjectNode node = F.objectNode();
    u64(node, "solution_range", p.solutionRange());
    node.put("slot_iterations", p.slotIterations());
    ObjectNode shards = node.putObject("num_shards");
    shards.put("intermediate_shards", p.numShards().intermediateShards());
    shards.put("leaf_shards_per_intermediate_shard", p.numShards().leafShardsPerIntermediate());
    node.put("flags", p.flags());
    p.superSegmentRoot().ifPresent(root -> node.put("super_segment_root", root.toHex()));
    p.nextSolutionRange().ifPresent(range -> u64(node, "next_solution_range", range));
    p.potParametersChange()
        .ifPresent(
            change -> {
              ObjectNode c = node.putObject("pot_parameters_change");
              u64(c, "slot", change.slot().value());
              c.put("slot_iterations", change.slotIterations());
              c.put("entropy", change.entropy().toHex());
            });
    return node;
  }

  static ObjectNode blockHeader(BlockHeader h, ProtocolParameters params) {
    ObjectNode node = F.objectNode();
    node.put("kind", h.kind().name().toLowerCase(Locale.ROOT));
    ObjectNode prefix = node.putObject("prefix");
    u64(prefix, "number", h.prefix().number().value());
    prefix.put("shard_index", h.prefix().shardIndex().value());
    u64(prefix, "timestamp", h.prefix().timestampMillis());
    prefix.put("parent_root", h.prefix().parentRoot().toHex());
    prefix.put("mmr_root", h.prefix().mmrRoot().toHex());
    ObjectNode result = node.putObject("result");
    result.put("body_root", h.result().bodyRoot().toHex());
    result.put("state_root", h.result().stateRoot().toHex());
    ObjectNode info = node.putObject("consensus_info");
    u64(info, "slot", h.consensusInfo().slot().value());
    info.put("proof_of_time", h.consensusInfo().proofOfTime().toHex());
    info.put("future_proof_of_time", h.consensusInfo().futureProofOfTime().toHex());
    info.set("solution", solution(h.consensusInfo().solution()));
    switch (h) {
      case BeaconBlockHeader b -> {
        node.set("child_shard_blocks", childBlocks(b.childShardBlocks()));
        node.set("consensus_parameters", consensusParameters(b.consensusParameters()));
      }
      case IntermediateBlockHeader i -> {
        node.set("beacon_chain_info", beaconChainInfo(i.beaconChainInfo()));
        node.set("child_shard_blocks", childBlocks(i.childShardBlocks()));
      }
      case LeafBlockHeader l -> node.set("beacon_chain_info", beaconChainInfo(l.beaconChainInfo()));
    }
    ObjectNode seal = node.putObject("seal");
    seal.put("type", 0);
    seal.put("public_key", h.seal().publicKey().toHex());
    seal.put("signature", h.seal().signature().toHex());
    node.put("root", h.root(params).toHex());
    node.put("pre_seal_hash", h.preSealHash(params).toHex());
    return node;
  }
}
