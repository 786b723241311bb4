package dev.annals.consensus.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Seal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealingKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void publicKeysMatchRfc8032() throws IOException {
    List<String[]> pairs = rfc8032Pairs();
    assertThat(pairs).hasSize(3);
    for (String[] pair : pairs) {
      SealingKey key = SealingKey.fromSecret(HEX.parseHex(pair[0]));
      assertThat(key.publicKey().toHex()).isEqualTo(pair[1]);
      assertThat(key.publicKeyHash()).isEqualTo(Hash.blake3(HEX.parseHex(pair[1])));
    }
  }

  @Test
  void aSealVerifiesOnlyForItsOwnHashAndKey() {
    SealingKey key = SealingKey.fromSecret(new byte[32]);
    SealingKey other = SealingKey.fromSecret(filled(7));
    Hash header = Hash.blake3("header".getBytes(StandardCharsets.UTF_8));
    Seal seal = key.seal(header);

    assertThat(SealVerifier.verify(seal, header)).isTrue();
    assertThat(SealVerifier.verify(seal, Hash.blake3(new byte[1]))).isFalse();
    Seal wrongKey = new Seal(other.publicKey(), seal.signature());
    assertThat(SealVerifier.verify(wrongKey, header)).isFalse();
    byte[] flipped = seal.signature().toBytes();
    flipped[10] ^= 1;
    assertThat(SealVerifier.verify(new Seal(seal.publicKey(), Bytes.wrap(flipped)), header))
        .isFalse();
  }

  @Test
  void aPublicKeyOffTheCurveIsInvalidNotAnError() {
    SealingKey key = SealingKey.fromSecret(filled(3));
    Hash header = Hash.blake3(new byte[] {1});
    Seal seal = key.seal(header);
    byte[] garbage = new byte[32];
    Arrays.fill(garbage, (byte) 0xff);
    assertThat(SealVerifier.verify(new Seal(Bytes.wrap(garbage), seal.signature()), header))
        .isFalse();
  }

  @Test
  void aSecretOfTheWrongLengthIsRejectedByName() {
    assertThatThrownBy(() -> SealingKey.fromSecret(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealing key secret")
        .hasMessageContaining("31");
    assertThat(SealingKey.fromSecret(new byte[32]).toString()).doesNotContain("0000000000");
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static List<String[]> rfc8032Pairs() throws IOException {
    try (InputStream in =
        SealingKeyTest.class.getResourceAsStream("/vectors/rfc8032-ed25519-keys.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.trim().split("\\s+"))
          .toList();
    }
  }
}
