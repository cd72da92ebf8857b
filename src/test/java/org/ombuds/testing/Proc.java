package org.ombuds.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process (the built jar, or the launcher script) and collects what it printed. */
public final class Proc {
  /** What a finished process left. */
  public record Result(int exit, String out, String err) {}

  private Proc() {}

  /** The built application jar (set by the build for integration tests). */
  public static Path jar() {
    return Path.of(System.getProperty("ombuds.jar", "target/ombuds.jar"));
  }

  /** The repository's root. */
  public static Path basedir() {
    return Path.of(System.getProperty("ombuds.basedir", "."));
  }

  /** The java binary running the tests (a JDK 21+). */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Runs {@code java -jar ombuds.jar args...} to completion. */
  public static Result ombuds(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return run(cmd, env, Map.of());
  }

  /** Starts {@code java -jar ombuds.jar args...} without waiting. */
  public static Process start(Map<String, String> env, Path stdout, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stdout.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs a command to completion, with {@code env} added and {@code removed} keys taken out. */
  public static Result run(
      List<String> cmd, Map<String, String> env, Map<String, String> replaceEnv) {
    try {
      Path out = Files.createTempFile("proc-out", ".txt");
      Path err = Files.createTempFile("proc-err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (!replaceEnv.isEmpty()) {
        pb.environment().clear();
        pb.environment().putAll(replaceEnv);
      }
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + cmd);
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
