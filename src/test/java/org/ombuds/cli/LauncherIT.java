package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.testing.Proc;

/**
 * {@code ./ombuds} finds a JDK 21+ by itself, even when the default {@code java} on PATH (and
 * JAVA_HOME) is an older one, and says clearly when there is none.
 */
class LauncherIT {
  @TempDir Path tmp;

  /** A fake JDK 17: `java` and `javac` that report version 17, as an old default would. */
  private Path fakeOldJdk() throws IOException {
    Path bin = tmp.resolve("old-jdk/bin");
    Files.createDirectories(bin);
    String java =
        """
        #!/bin/sh
        echo 'Property settings:' >&2
        echo '    java.specification.version = 17' >&2
        echo 'openjdk version "17.0.15" 2025-04-15' >&2
        exit 0
        """;
    for (String name : List.of("java", "javac")) {
      Path f = bin.resolve(name);
      Files.writeString(f, java);
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }

  private static Proc.Result launcher(Map<String, String> env, String... args) {
    List<String> cmd =
        new java.util.ArrayList<>(List.of(Proc.basedir().resolve("ombuds").toString()));
    cmd.addAll(List.of(args));
    return Proc.run(
        cmd, env, Map.of("HOME", System.getProperty("user.home"), "PATH", "/usr/bin:/bin"));
  }

  @Test
  void finds_a_recent_jdk_when_the_default_java_is_17() throws IOException {
    Path oldBin = fakeOldJdk();
    Proc.Result r =
        launcher(
            Map.of("PATH", oldBin + ":/usr/bin:/bin", "JAVA_HOME", oldBin.getParent().toString()),
            "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("ombuds ");
  }

  @Test
  void says_clearly_when_no_jdk_21_is_installed() throws IOException {
    Path oldBin = fakeOldJdk();
    Proc.Result r =
        launcher(
            Map.of(
                "PATH",
                oldBin + ":/usr/bin:/bin",
                "JAVA_HOME",
                oldBin.getParent().toString(),
                "OMBUDS_JDK_SEARCH",
                tmp.resolve("none") + "/*"),
            "--version");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no JDK 21 or newer was found");
  }

  @Test
  void passes_arguments_and_exit_codes_through() {
    Proc.Result r = launcher(Map.of(), "init", "--data", "/nonexistent-parent-file/x");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void caps_the_heap_unless_the_operator_sets_one() {
    Proc.Result capped = launcher(Map.of("OMBUDS_JAVA_OPTS", "-XshowSettings:vm"), "--version");
    assertThat(capped.exit()).as(capped.err()).isZero();
    assertThat(capped.err() + capped.out()).contains("Max. Heap Size: 192.00M");

    Proc.Result own =
        launcher(Map.of("OMBUDS_JAVA_OPTS", "-Xmx300m -XshowSettings:vm"), "--version");
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(own.err() + own.out()).contains("Max. Heap Size: 300.00M");
  }
}
