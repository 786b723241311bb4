package dev.annals.node.cli;

import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.sector.SectorSolution;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code annals debug audit}: audits a plotted sector for a challenge, optionally proving. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audits a sector written by debug plot (and its <sector>.meta) for a global challenge,"
          + " given as --challenge or derived from --pot-output and --slot.",
      "Prints 's_bucket <s> candidates <n>', then per candidate (nearest first) 'chunk <i>"
          + " distance <d>'; with --prove also 'piece_offset <p> record_root <hex> chunk_proof"
          + " valid|invalid' or"
          + " 'no_proof filler chunk'. Exit 0 unless an error occurs or a proof is invalid."
    })
public final class DebugAuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Mixin SectorIdentityOptions identity;

  @Option(names = "--sector", required = true, description = "Sector file.")
  Path sector;

  @Option(
      names = "--challenge",
      converter = HashConverter.class,
      description = "Global challenge, 64 hex digits.")
  Hash challenge;

  @Option(
      names = "--pot-output",
      converter = HexConverter.class,
      description = "Proof-of-time output, 32 hex digits (with --slot).")
  HexConverter.Hex potOutput;

  @Option(names = "--slot", description = "Slot number (with --pot-output).")
  String slot;

  @Option(
      names = "--solution-range",
      defaultValue = "18446744073709551615",
      description = "Solution range (u64; default the maximum, every chunk is a candidate).")
  String solutionRange;

  @Option(names = "--prove", description = "Prove every candidate and check its chunk proof.")
  boolean prove;

  @Override
  public Integer call() throws IOException {
    ProtocolParameters preset = presetOption.value;
    Hash global = globalChallenge();
    long range = U64.parse("--solution-range", solutionRange);
    SectorMetadata metadata =
        SectorMetadata.decode(Files.readAllBytes(DebugPlotCommand.metaPath(sector)), preset);
    SectorId id =
        SectorId.derive(
            identity.publicKeyHash,
            identity.commitmentsRoot,
            metadata.sectorIndex(),
            metadata.historySize());
    PrintWriter out = spec.commandLine().getOut();
    boolean allValid = true;
    try (SectorData data = SectorData.open(sector)) {
      List<AuditCandidate> candidates =
          new SectorAuditor(preset).audit(data, metadata, id, global, range);
      out.println(
          "s_bucket "
              + id.slotChallenge(global).sBucket(preset.sBuckets())
              + " candidates "
              + candidates.size());
      SectorProver prover =
          prove ? new SectorProver(preset, Runtime.getRuntime().availableProcessors()) : null;
      for (AuditCandidate c : candidates) {
        out.println("chunk " + c.chunkOffset() + " distance " + U64.toString(c.distance()));
        if (prover != null) {
          try {
            SectorSolution solution = prover.prove(data, metadata, id, c);
            boolean valid = solution.chunkProofValid(preset);
            allValid &= valid;
            out.println(
                "piece_offset "
                    + solution.pieceOffset()
                    + " record_root "
                    + solution.recordRoot()
                    + " chunk_proof "
                    + (valid ? "valid" : "invalid"));
          } catch (IllegalArgumentException filler) {
            // Only filler chunks (records short of proofs, see docs/sectors.md) get here.
            out.println("no_proof filler chunk");
          }
        }
      }
    }
    return allValid ? 0 : 1;
  }

  private Hash globalChallenge() {
    if (challenge != null && potOutput == null && slot == null) {
      return challenge;
    }
    if (challenge == null && potOutput != null && slot != null) {
      byte[] output =
          HexConverter.requireLength(
              spec.commandLine(), "--pot-output", potOutput, GlobalChallenge.POT_OUTPUT_SIZE);
      return GlobalChallenge.derive(output, Slot.parse(slot));
    }
    throw new ParameterException(
        spec.commandLine(), "give either --challenge or both --pot-output and --slot");
  }
}
