package dev.annals.kernel.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The build runs tests with the vector module on this x86-64 machine class, so the lane paths are
 * really exercised by the other tests rather than silently replaced by the scalar ones.
 */
class LaneSupportTest {
  @Test
  void lanesAreActiveUnderTheBuildsJvmOptions() {
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
    assertThat(LaneSupport.available()).isTrue();
    assertThat(new JavaBlake3().name()).startsWith("java-vector");
    assertThat(new JavaBlake3(false).name()).isEqualTo("java");
  }
}
