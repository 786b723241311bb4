package dev.annals.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SegmentProofs;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals debug super-segment}: builds a super segment from segment roots. */
@Command(
    name = "super-segment",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a super segment from a JSONL file of segments (shard, localSegmentIndex, root) in"
          + " order and prints its header and every segment's proof as JSON.",
      "Without --previous-header it builds the first super segment, which holds just the beacon"
          + " genesis segment. Each proof is printed as a piece header stores it: 20 hashes, the"
          + " unused tail zero, as one hex string."
    })
public final class DebugSuperSegmentCommand implements Callable<Integer> {
  /** Both presets store 20-hash segment proofs; the proof length does not depend on the preset. */
  private static final int STORED_PROOF_HASHES = ProtocolParameters.PRODUCTION.segmentProofHashes();

  @Spec CommandSpec spec;

  @Option(names = "--segments", required = true, description = "JSONL file of segments, in order.")
  Path segments;

  @Option(
      names = "--previous-header",
      converter = HexConverter.class,
      description = "The previous super segment header, 92 bytes in hex.")
  HexConverter.Hex previousHeader;

  @Option(
      names = "--target-block",
      required = true,
      description = "Target beacon block number (u64).")
  String targetBlock;

  @Override
  public Integer call() throws IOException {
    BlockNumber target = new BlockNumber(U64.parse("target_block", targetBlock));
    List<ShardSegmentRoot> roots = SegmentRootsJsonl.read(segments);
    SuperSegment superSegment;
    if (previousHeader == null) {
      if (roots.size() != 1) {
        throw new IllegalArgumentException(
            "without --previous-header the segments must be just the beacon genesis segment"
                + " (value "
                + roots.size()
                + " segments)");
      }
      superSegment = SuperSegment.first(target, roots.getFirst());
    } else {
      byte[] bytes =
          HexConverter.requireLength(
              spec.commandLine(), "--previous-header", previousHeader, SuperSegmentHeader.SIZE);
      superSegment = SuperSegment.next(SuperSegmentHeader.decode(bytes), target, roots);
    }
    SuperSegmentHeader header = superSegment.header();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode headerJson = PrimitivesJson.superSegmentHeader(header);
    headerJson.put("headerHex", HexFormat.of().formatHex(header.encode()));
    headerJson.put("headerHash", header.hash().toHex());
    out.set("header", headerJson);
    ArrayNode proofs = out.putArray("segmentProofs");
    for (byte[] proof : superSegment.allProofs()) {
      proofs.add(SegmentProofs.toHex(SegmentProofs.pad(proof, STORED_PROOF_HASHES)));
    }
    spec.commandLine().getOut().println(out.toPrettyString());
    return 0;
  }
}
