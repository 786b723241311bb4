package dev.annals.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSpecTest {
  @TempDir Path dir;

  @Test
  void builtInSpecsHaveTheirShapes() {
    ChainSpec dev = ChainSpecs.load("dev");
    assertThat(dev.name()).isEqualTo("dev");
    assertThat(dev.preset()).isEqualTo(ProtocolParameters.DEV);
    assertThat(dev.numShards()).isEqualTo(new NumShards(1, 2));
    assertThat(dev.parameters().numShards()).isEqualTo(new NumShards(1, 2));
    assertThat(dev.parameters().recordSize()).isEqualTo(ProtocolParameters.DEV.recordSize());

    ChainSpec devnet = ChainSpecs.load("devnet");
    assertThat(devnet.preset()).isEqualTo(ProtocolParameters.DEV);
    assertThat(devnet.numShards()).isEqualTo(new NumShards(2, 2));
    assertThat(devnet.parameters().numShards().leafShardIndices()).hasSize(4);

    ChainSpec production = ChainSpecs.load("production");
    assertThat(production.preset()).isEqualTo(ProtocolParameters.PRODUCTION);
    assertThat(production.parameters()).isEqualTo(ProtocolParameters.PRODUCTION);
    assertThat(production.potExternalEntropy().toBytes())
        .isEqualTo("annals production-like genesis".getBytes(StandardCharsets.US_ASCII));

    Set<Hash> digests = new HashSet<>();
    for (String name : ChainSpecs.BUILT_IN) {
      digests.add(ChainSpecs.builtIn(name).digest());
    }
    assertThat(digests).hasSize(3);
  }

  /**
   * The canonical encoding rebuilt field by field with a ByteBuffer, independently of ByteWriter.
   */
  private static byte[] naiveEncoding(ChainSpec spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("annals-chain-spec-v1".getBytes(StandardCharsets.US_ASCII));
    byte[] name = spec.name().getBytes(StandardCharsets.UTF_8);
    out.write(name.length);
    out.writeBytes(name);
    byte[] preset = spec.preset().name().getBytes(StandardCharsets.UTF_8);
    out.write(preset.length);
    out.writeBytes(preset);
    out.writeBytes(spec.preset().digest().toBytes());
    ByteBuffer b = ByteBuffer.allocate(2 + 2 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) spec.numShards().intermediateShards());
    b.putShort((short) spec.numShards().leafShardsPerIntermediate());
    b.putLong(spec.genesisTimestampMillis());
    out.writeBytes(b.array());
    out.write(spec.potExternalEntropy().length());
    out.writeBytes(spec.potExternalEntropy().toBytes());
    ByteBuffer tail = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    tail.putLong(spec.initialSolutionRange());
    tail.putInt((int) spec.slotIterations());
    out.writeBytes(tail.array());
    return out.toByteArray();
  }

  @Test
  void digestIsBlake3OfTheCanonicalEncoding() {
    for (String name : ChainSpecs.BUILT_IN) {
      ChainSpec spec = ChainSpecs.builtIn(name);
      assertThat(spec.canonicalEncoding()).isEqualTo(naiveEncoding(spec));
      assertThat(spec.digest()).isEqualTo(Hash.blake3(naiveEncoding(spec)));
    }
  }

  @Test
  void solutionRangeFromPiecesFollowsTheFormulaStepByStep() {
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      for (long pieces : List.of(1L, 64L, 1000L, 123_456L)) {
        long naive = Long.divideUnsigned(-1L, p.slotProbabilityDenominator());
        naive *= p.slotProbabilityNumerator();
        naive = Long.divideUnsigned(naive, p.recordChunks());
        BigInteger widened =
            new BigInteger(Long.toUnsignedString(naive)).multiply(BigInteger.valueOf(p.sBuckets()));
        long expected = widened.divide(BigInteger.valueOf(pieces)).longValue();
        assertThat(SolutionRange.fromPieces(pieces, p).value())
            .as("%s %d", p.name(), pieces)
            .isEqualTo(expected);
      }
    }
    assertThat(ChainSpecs.builtIn("production").initialSolutionRange())
        .isEqualTo(SolutionRange.fromPieces(1000, ProtocolParameters.PRODUCTION).value());
  }

  @Test
  void layoutAndSolutionRangeFormDoNotChangeTheDigest() {
    ChainSpec dev = ChainSpecs.builtIn("dev");
    String reordered =
        """
        {"initialSolutionRange": "%s", "potExternalEntropy": "",
         "genesisTimestampMillis": 1767225600000,
         "numShards": {"leafShardsPerIntermediateShard": 2, "intermediateShards": 1},
         "presetDigest": "%s", "preset": "dev", "name": "dev", "slotIterations": %d}
        """
            .formatted(
                Long.toUnsignedString(dev.initialSolutionRange()),
                ProtocolParameters.DEV.digest(),
                ProtocolParameters.DEV.slotIterations());
    ChainSpec parsed = ChainSpecParser.parse("reordered", reordered);
    assertThat(parsed).isEqualTo(dev);
    assertThat(parsed.digest()).isEqualTo(dev.digest());
  }

  @Test
  void everyFieldEntersTheDigest() {
    ChainSpec base = ChainSpecs.builtIn("devnet");
    List<ChainSpec> variants =
        List.of(
            new ChainSpec(
                "devnet2",
                base.preset(),
                base.numShards(),
                base.genesisTimestampMillis(),
                base.potExternalEntropy(),
                base.initialSolutionRange(),
                base.slotIterations()),
            new ChainSpec(
                base.name(),
                base.preset(),
                new NumShards(2, 3),
                base.genesisTimestampMillis(),
                base.potExternalEntropy(),
                base.initialSolutionRange(),
                base.slotIterations()),
            new ChainSpec(
                base.name(),
                base.preset(),
                base.numShards(),
                base.genesisTimestampMillis() + 1,
                base.potExternalEntropy(),
                base.initialSolutionRange(),
                base.slotIterations()),
            new ChainSpec(
                base.name(),
                base.preset(),
                base.numShards(),
                base.genesisTimestampMillis(),
                Bytes.wrap(new byte[] {0}),
                base.initialSolutionRange(),
                base.slotIterations()),
            new ChainSpec(
                base.name(),
                base.preset(),
                base.numShards(),
                base.genesisTimestampMillis(),
                base.potExternalEntropy(),
                base.initialSolutionRange() + 1,
                base.slotIterations()),
            new ChainSpec(
                base.name(),
                base.preset(),
                base.numShards(),
                base.genesisTimestampMillis(),
                base.potExternalEntropy(),
                base.initialSolutionRange(),
                base.slotIterations() + 16),
            new ChainSpec(
                base.name(),
                ProtocolParameters.PRODUCTION,
                base.numShards(),
                base.genesisTimestampMillis(),
                base.potExternalEntropy(),
                base.initialSolutionRange(),
                base.slotIterations()));
    Set<Hash> digests = new HashSet<>();
    digests.add(base.digest());
    for (ChainSpec v : variants) {
      digests.add(v.digest());
    }
    assertThat(digests).hasSize(variants.size() + 1);
  }

  @Test
  void writtenJsonParsesBackToTheSameSpec() {
    for (String name : ChainSpecs.BUILT_IN) {
      ChainSpec spec = ChainSpecs.builtIn(name);
      String json = ChainSpecJson.write(spec);
      assertThat(json).contains("\"initialSolutionRange\" : \"");
      ChainSpec back = ChainSpecParser.parse("written", json);
      assertThat(back).isEqualTo(spec);
      assertThat(back.digest()).isEqualTo(spec.digest());
    }
  }

  @Test
  void loadsAFileByPath() throws Exception {
    Path file = dir.resolve("my.json");
    String json =
        new String(
                ChainSpecs.class.getResourceAsStream("/chain-specs/devnet.json").readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("\"devnet\"", "\"my-chain\"");
    Files.writeString(file, json);
    ChainSpec spec = ChainSpecs.load(file.toString());
    assertThat(spec.name()).isEqualTo("my-chain");
    assertThat(spec.numShards()).isEqualTo(new NumShards(2, 2));
  }

  @Test
  void anUnknownNameThatIsNoFileIsRefused() {
    assertThatThrownBy(() -> ChainSpecs.load("mainnet"))
        .isInstanceOf(ChainSpecException.class)
        .hasMessage(
            "chain spec mainnet: neither a built-in chain (dev, devnet, production) nor a readable file");
  }
}
