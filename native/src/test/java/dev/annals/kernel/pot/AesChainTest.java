package dev.annals.kernel.pot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AesChainTest {
  @Test
  void singleEncryptionMatchesFips197AppendixC1() {
    AesChain chain = new AesChain();
    chain.setKey(PotVectors.hex("fips197.c1.key"));
    byte[] viaCbc = PotVectors.hex("fips197.c1.plaintext");
    byte[] viaEcb = viaCbc.clone();
    chain.encrypt(viaCbc, 1);
    chain.encryptBlockByBlock(viaEcb, 1);
    assertThat(viaCbc).isEqualTo(PotVectors.hex("fips197.c1.ciphertext"));
    assertThat(viaEcb).isEqualTo(PotVectors.hex("fips197.c1.ciphertext"));
    chain.decrypt(viaCbc, 1);
    assertThat(viaCbc).isEqualTo(PotVectors.hex("fips197.c1.plaintext"));
  }

  @Test
  void cbcChainEqualsBlockByBlockChainAcrossChunkBoundaries() {
    AesChain chain = new AesChain();
    chain.setKey(PotVectors.hex("abundance.key"));
    for (long times : new long[] {2, 4095, 4096, 4097, 10_000}) {
      byte[] fast = PotVectors.hex("abundance.seed");
      byte[] slow = fast.clone();
      chain.encrypt(fast, times);
      chain.encryptBlockByBlock(slow, times);
      assertThat(fast).as("%d encryptions", times).isEqualTo(slow);
      chain.decrypt(fast, times);
      assertThat(fast).isEqualTo(PotVectors.hex("abundance.seed"));
    }
  }

  @Test
  void wrongLengthsAreRejected() {
    AesChain chain = new AesChain();
    assertThatThrownBy(() -> chain.setKey(new byte[32])).hasMessageContaining("got 32");
    chain.setKey(new byte[16]);
    assertThatThrownBy(() -> chain.encrypt(new byte[15], 1)).hasMessageContaining("got 15");
  }
}
