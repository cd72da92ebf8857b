package org.ombuds.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ombuds.common.Ids;
import org.ombuds.vault.CaseCipher;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encrypting and decrypting a 2 KB note with a case's cipher (AES-256-GCM through Tink), as {@code
 * CaseService.addNote} and {@code get} do: the {@link FieldRef} (the associated data) is built per
 * call, like there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class CaseCipherBenchmark {
  private CaseCipher cipher;
  private String caseId;
  private String noteId;
  private byte[] note;
  private byte[] ciphertext;

  @Setup
  public void setUp() {
    Vault vault = new Vault();
    OfficeKeys keys = vault.createOffice().keys();
    caseId = Ids.newId();
    cipher = vault.openCase(keys, caseId, vault.newCaseKey(keys, caseId));
    noteId = Ids.newId();
    note = BenchSupport.noteText().getBytes(StandardCharsets.UTF_8);
    ciphertext = cipher.encrypt(ref(), note);
    if (!Arrays.equals(cipher.decrypt(ref(), ciphertext), note)) {
      throw new IllegalStateException("the note does not decrypt to itself");
    }
  }

  private FieldRef ref() {
    return FieldRef.inCase(caseId, "note", "body_enc", noteId);
  }

  @Benchmark
  public byte[] encryptNote2k() {
    return cipher.encrypt(ref(), note);
  }

  @Benchmark
  public byte[] decryptNote2k() {
    return cipher.decrypt(ref(), ciphertext);
  }
}
