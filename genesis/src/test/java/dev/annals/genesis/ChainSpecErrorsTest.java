package dev.annals.genesis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.params.ProtocolParameters;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ChainSpecErrorsTest {
  private static String devnet() {
    try {
      return new String(
          ChainSpecs.class.getResourceAsStream("/chain-specs/devnet.json").readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AbstractThrowableAssert<?, ?> refused(String json, String field) {
    return assertThatThrownBy(() -> ChainSpecParser.parse("test.json", json))
        .isInstanceOf(ChainSpecException.class)
        .hasMessageStartingWith("chain spec test.json: " + (field.isEmpty() ? "" : field + ": "))
        .matches(e -> ((ChainSpecException) e).field().equals(field), "field is " + field);
  }

  @Test
  void unknownFieldsAreNamedAtTheirDepth() {
    refused(devnet().replace("\"name\"", "\"colour\": 1, \"name\""), "colour")
        .hasMessageContaining("unknown field");
    refused(
            devnet().replace("\"intermediateShards\"", "\"extra\": 1, \"intermediateShards\""),
            "numShards.extra")
        .hasMessageContaining("known: intermediateShards, leafShardsPerIntermediateShard");
    refused(devnet().replace("\"fromPieces\"", "\"pieces\""), "initialSolutionRange.pieces");
  }

  @Test
  void wrongTypesNameTheFieldAndValue() {
    refused(devnet().replace("\"name\": \"devnet\"", "\"name\": 7"), "name")
        .hasMessageContaining("must be a string (value 7)");
    refused(
            devnet().replace("\"intermediateShards\": 2", "\"intermediateShards\": \"2\""),
            "numShards.intermediateShards")
        .hasMessageContaining("must be an integer in 1..=1023");
    refused(
        devnet().replace("\"intermediateShards\": 2", "\"intermediateShards\": 2.5"),
        "numShards.intermediateShards");
    refused(
        devnet()
            .replace(
                "\"leafShardsPerIntermediateShard\": 2",
                "\"leafShardsPerIntermediateShard\": 1024"),
        "numShards.leafShardsPerIntermediateShard");
    refused(devnet().replace("1767225600000", "-1"), "genesisTimestampMillis");
    refused(devnet().replace("{\"fromPieces\": 16}", "64"), "initialSolutionRange")
        .hasMessageContaining("decimal string or {\"fromPieces\": n}");
    refused(
            devnet().replace("{\"fromPieces\": 16}", "\"18446744073709551616\""),
            "initialSolutionRange")
        .hasMessageContaining("must be a u64");
    refused(devnet().replace("{\"fromPieces\": 16}", "\"0\""), "initialSolutionRange")
        .hasMessageContaining("must not be zero");
    refused(
        devnet().replace("{\"fromPieces\": 16}", "{\"fromPieces\": 0}"),
        "initialSolutionRange.fromPieces");
    refused(
            devnet().replace("\"potExternalEntropy\": \"\"", "\"potExternalEntropy\": \"abc\""),
            "potExternalEntropy")
        .hasMessageContaining("even number of hex digits");
    refused(
            devnet().replace("\"potExternalEntropy\": \"\"", "\"potExternalEntropy\": \"zz\""),
            "potExternalEntropy")
        .hasMessageContaining("not hex");
    refused(devnet().replaceFirst("(?s)\"numShards\": \\{.*?\\}", "\"numShards\": 3"), "numShards")
        .hasMessageContaining("must be an object (value 3)");
  }

  @Test
  void presetMustExistAndMatchThisBuild() {
    refused(devnet().replace("\"preset\": \"dev\"", "\"preset\": \"turbo\""), "preset")
        .hasMessageContaining("no such preset, expected production or dev (value 'turbo')");
    refused(devnet().replace("\"preset\": \"dev\"", "\"preset\": \"DEV\""), "preset")
        .hasMessageContaining("lower case");
    String other = ProtocolParameters.PRODUCTION.digest().toHex();
    refused(devnet().replace(ProtocolParameters.DEV.digest().toHex(), other), "presetDigest")
        .hasMessageContaining("with digest " + other)
        .hasMessageContaining("preset has digest " + ProtocolParameters.DEV.digest());
    refused(devnet().replace(ProtocolParameters.DEV.digest().toHex(), "abcd"), "presetDigest")
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void missingDuplicateAndMalformedDocumentsAreRefused() {
    refused(devnet().replace("\"name\": \"devnet\",", ""), "name")
        .hasMessageContaining("is missing");
    refused(devnet().replace("\"name\": \"devnet\"", "\"name\": \"devnet\", \"name\": \"x\""), "")
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("Duplicate field 'name'");
    refused("[1, 2]", "").hasMessageContaining("must be a JSON object");
    refused(devnet() + " {}", "").hasMessageContaining("not valid JSON");
    refused(devnet().substring(0, 40), "").hasMessageContaining("not valid JSON");
    refused(devnet().replace("\"name\": \"devnet\"", "\"name\": \"Dev Net\""), "name")
        .hasMessageContaining("a-z, 0-9 and '-'");
    refused(
            devnet()
                .replace(
                    "\"initialSolutionRange\"",
                    "\"slotIterations\": 1000, \"initialSolutionRange\""),
            "slotIterations")
        .hasMessageContaining("multiple of 16");
  }
}
