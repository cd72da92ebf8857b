package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.audit.Verification.Intact;
import org.ombuds.audit.Verification.Tampered;

class AuditLogTest {

  @TempDir Path dir;

  private Path headFile;
  private InMemoryAuditStore store;
  private FileAuditAnchor anchor;

  @BeforeEach
  void setUp() {
    headFile = dir.resolve("audit.head");
    store = new InMemoryAuditStore();
    anchor = new FileAuditAnchor(headFile);
  }

  private AuditLog log() {
    return log(HmacTestAuthenticator.officeKey(), Runnable::run);
  }

  private AuditLog log(EntryAuthenticator auth, AfterCommit afterCommit) {
    return new AuditLog(store, auth, anchor, StepClock.startingAt2025(), afterCommit);
  }

  private static AuditEvent event(int i) {
    return new AuditEvent(AuditKind.CASE_OPENED, "user:" + i, "case:2025-" + i, "ok");
  }

  /** A log of {@code n} entries whose head records entry {@code n}. */
  private AuditLog logWith(int n) {
    AuditLog log = log();
    for (int i = 1; i <= n; i++) {
      log.append(event(i));
    }
    return log;
  }

  // --- round trip ---------------------------------------------------------------------------

  @Test
  void anEmptyLogWithoutAHeadIsIntact() {
    assertThat(log().verify()).isEqualTo(new Intact(0));
  }

  @Test
  void appendedEntriesVerify() {
    AuditLog log = logWith(5);

    assertThat(log.verify()).isEqualTo(new Intact(5));
  }

  @Test
  void appendNumbersChainsAndAnchorsEntries() {
    AuditLog log = log();

    AuditEntry first = log.append(event(1));
    AuditEntry second = log.append(AuditEvent.of(AuditKind.LOGOUT, "user:1"));

    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(new byte[32]);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(second.kind()).isEqualTo(AuditKind.LOGOUT);
    assertThat(store.entries()).containsExactly(first, second);
    assertThat(anchor.read()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(2));
    assertThat(anchor.read().orElseThrow().hash()).isEqualTo(second.hash());
  }

  @Test
  void appendKeepsTimesToTheMillisecondSoEveryStoreCanKeepThemExactly() {
    AuditEntry e = log().append(event(1));

    assertThat(e.at()).isEqualTo(e.at().truncatedTo(ChronoUnit.MILLIS));
    assertThat(e.at().toString()).isEqualTo("2025-03-01T09:00:00.123Z");
  }

  // --- edits, deletions, reordering ---------------------------------------------------------

  @ParameterizedTest
  @EnumSource(EntryEdits.class)
  void editingAnyFieldOfAnEntryIsDetectedAtThatEntry(EntryEdits edit) {
    AuditLog log = logWith(5);

    store.update(3, edit);

    assertThat(log.verify())
        .isInstanceOfSatisfying(Tampered.class, t -> assertThat(t.firstBadSeq()).isEqualTo(3));
  }

  @Test
  void editingContentIsReportedAsAHashMismatch() {
    AuditLog log = logWith(5);

    store.update(3, EntryEdits.ACTOR);

    assertThat(log.verify()).isEqualTo(new Tampered(3, "entry 3: hash does not match its content"));
  }

  @Test
  void theFirstOfSeveralBadEntriesIsReported() {
    AuditLog log = logWith(6);

    store.update(5, EntryEdits.MAC);
    store.update(2, EntryEdits.OUTCOME);

    assertThat(log.verify())
        .isInstanceOfSatisfying(Tampered.class, t -> assertThat(t.firstBadSeq()).isEqualTo(2));
  }

  @Test
  void deletingAnEntryInTheMiddleIsReportedByItsSeq() {
    AuditLog log = logWith(7);

    store.delete(4);

    assertThat(log.verify())
        .isEqualTo(new Tampered(4, "entry 4 is missing (sequence jumps from 3 to 5)"));
  }

  @Test
  void deletingTheFirstEntryIsReported() {
    AuditLog log = logWith(3);

    store.delete(1);

    assertThat(log.verify())
        .isEqualTo(new Tampered(1, "entry 1 is missing (sequence starts at 2)"));
  }

  @Test
  void aRepeatedSeqIsReported() {
    AuditLog log = logWith(4);

    store.update(3, e -> EntryEdits.withSeq(e, 2));

    assertThat(log.verify())
        .isEqualTo(
            new Tampered(
                3,
                "entry 3 is missing: entry 2 appears in its place (entries out of order or repeated)"));
  }

  @Test
  void swappingTwoEntriesIsDetectedAtTheEarlierOne() {
    AuditLog log = logWith(6);

    store.swap(2, 5);

    assertThat(log.verify()).isEqualTo(new Tampered(2, "entry 2: hash does not match its content"));
  }

  // --- the key ------------------------------------------------------------------------------

  @Test
  void rebuildingTheChainWithoutTheKeyIsDetectedByTheMac() {
    AuditLog log = logWith(6);

    // The attacker edits entry 3, then recomputes every hash and link from there with SHA-256.
    // Without the key they can only keep the old MACs.
    store.update(3, e -> EntryEdits.withActor(e, "user:someone-else"));
    byte[] prev = store.get(2).hash();
    for (long seq = 3; seq <= 6; seq++) {
      byte[] link = prev;
      store.update(seq, e -> EntryEdits.withPrevHash(e, link));
      AuditEntry linked = store.get(seq);
      byte[] rehashed = AuditHashing.entryHash(linked);
      store.update(seq, e -> EntryEdits.withHash(e, rehashed));
      prev = rehashed;
    }

    assertThat(log.verify()).isEqualTo(new Tampered(3, "entry 3: MAC does not verify"));
  }

  @Test
  void relinkingAnEntryWithoutRehashingIsReportedAsAHashMismatch() {
    AuditLog log = logWith(4);

    store.update(3, EntryEdits.PREV_HASH);

    assertThat(log.verify()).isEqualTo(new Tampered(3, "entry 3: hash does not match its content"));
  }

  @Test
  void anEntryWithAConsistentHashButAForeignLinkIsReportedAsABrokenLink() {
    AuditLog log = logWith(4);

    store.update(3, EntryEdits.PREV_HASH);
    byte[] rehashed = AuditHashing.entryHash(store.get(3));
    store.update(3, e -> EntryEdits.withHash(e, rehashed));

    assertThat(log.verify()).isEqualTo(new Tampered(3, "entry 3: link to previous entry broken"));
  }

  @Test
  void aLogCheckedWithAnotherKeyFailsAtTheFirstEntry() {
    logWith(3);

    AuditLog otherKey = log(HmacTestAuthenticator.otherKey(), Runnable::run);

    assertThat(otherKey.verify()).isEqualTo(new Tampered(1, "entry 1: MAC does not verify"));
  }

  @Test
  void aLogRebuiltWithAnotherKeyFailsOnTheHead() {
    // An attacker with their own key rebuilds a valid-looking log, but cannot re-sign the head.
    logWith(3);
    store.replaceAll(List.of());
    AuditLog forger =
        new AuditLog(
            store,
            HmacTestAuthenticator.otherKey(),
            new MemoryAuditAnchor(),
            StepClock.startingAt2025(),
            Runnable::run);
    for (int i = 1; i <= 3; i++) {
      forger.append(event(i));
    }

    assertThat(log().verify()).isEqualTo(new Tampered(1, "entry 1: MAC does not verify"));
  }

  // --- the head -----------------------------------------------------------------------------

  @Test
  void droppingTheLastEntryIsDetectedThroughTheHead() {
    AuditLog log = logWith(6);

    store.dropTail(1);

    assertThat(log.verify())
        .isEqualTo(
            new Tampered(
                6,
                "the log ends at entry 5 but the head outside the database records entry 6"
                    + " (entries removed from the end)"));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5})
  void droppingSeveralEntriesFromTheEndIsDetectedAtTheFirstDropped(int dropped) {
    AuditLog log = logWith(6);

    store.dropTail(dropped);

    assertThat(log.verify())
        .isInstanceOfSatisfying(
            Tampered.class,
            t -> {
              assertThat(t.firstBadSeq()).isEqualTo(6 - dropped + 1);
              assertThat(t.reason()).endsWith("(entries removed from the end)");
            });
  }

  @Test
  void droppingEveryEntryIsDetectedThroughTheHead() {
    AuditLog log = logWith(4);

    store.dropTail(4);

    assertThat(log.verify())
        .isEqualTo(
            new Tampered(
                1,
                "the log is empty but the head outside the database records entry 4"
                    + " (entries removed from the end)"));
  }

  @Test
  void aHeadLaggingByOneEntryAfterACrashIsAccepted() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    for (int i = 1; i <= 4; i++) {
      log.append(event(i));
      tx.commit();
    }
    log.append(event(5));
    tx.discard(); // committed, then the process died before the head moved

    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(4);
    assertThat(log.verify()).isEqualTo(new Intact(5));
  }

  @Test
  void aLaggingHeadStillCatchesEntriesDroppedBelowIt() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    for (int i = 1; i <= 4; i++) {
      log.append(event(i));
      tx.commit();
    }
    log.append(event(5));
    tx.discard();

    store.dropTail(2);

    assertThat(log.verify())
        .isInstanceOfSatisfying(Tampered.class, t -> assertThat(t.firstBadSeq()).isEqualTo(4));
  }

  @Test
  void documentedLimitEntriesPastALaggingHeadCanBeDroppedUnnoticed() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    for (int i = 1; i <= 4; i++) {
      log.append(event(i));
      tx.commit();
    }
    log.append(event(5));
    tx.discard();

    store.dropTail(1);

    assertThat(log.verify()).isEqualTo(new Intact(4));
  }

  @Test
  void theNextAppendAfterACrashMovesTheHeadPastTheLaggingEntries() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    log.append(event(1));
    tx.commit();
    log.append(event(2));
    tx.discard();

    AuditLog restarted = log(HmacTestAuthenticator.officeKey(), Runnable::run);
    restarted.append(event(3));

    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(3);
    assertThat(restarted.verify()).isEqualTo(new Intact(3));
  }

  @Test
  void aRolledBackAppendDoesNotMoveTheHead() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    log.append(event(1));
    tx.commit();

    log.append(event(2));
    store.delete(2); // the transaction rolled back
    tx.discard();

    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(1);
    assertThat(log.verify()).isEqualTo(new Intact(1));
    assertThat(log.append(event(3)).seq()).isEqualTo(2);
  }

  @Test
  void theHeadOnlyMovesForwardWhenAfterCommitActionsRunOutOfOrder() {
    DeferredAfterCommit tx = new DeferredAfterCommit();
    AuditLog log = log(HmacTestAuthenticator.officeKey(), tx);
    log.append(event(1));
    log.append(event(2));
    log.append(event(3));

    tx.commitInReverseOrder();

    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(3);
    assertThat(log.verify()).isEqualTo(new Intact(3));
  }

  @Test
  void aMissingHeadFileIsReportedWhileTheLogHasEntries() throws IOException {
    AuditLog log = logWith(3);

    Files.delete(headFile);

    assertThat(log.verify())
        .isEqualTo(new Tampered(1, "head file missing while the log has entries"));
  }

  @Test
  void aMalformedHeadFileIsReported() throws IOException {
    AuditLog log = logWith(3);

    Files.writeString(headFile, "seq=3\n");

    assertThat(log.verify())
        .isEqualTo(
            new Tampered(1, "the audit head file is malformed: it is not a version 1 head file"));
  }

  @Test
  void aMalformedHeadFileIsReportedOnAnEmptyLogToo() throws IOException {
    Files.writeString(headFile, "garbage");

    assertThat(log().verify()).isInstanceOf(Tampered.class);
  }

  @Test
  void aHeadWithAForgedMacIsReported() {
    AuditLog log = logWith(3);
    AuditAnchor.Head real = anchor.read().orElseThrow();

    anchor.write(new AuditAnchor.Head(real.seq(), real.hash(), EntryEdits.flipBit(real.mac(), 7)));

    assertThat(log.verify()).isEqualTo(new Tampered(1, "head MAC does not verify"));
  }

  @Test
  void anEntryReplacedUnderTheHeadIsReported() {
    AuditLog log = logWith(3);
    // The office once ran another log with the same key; the administrator puts it in place.
    InMemoryAuditStore otherStore = new InMemoryAuditStore();
    AuditLog other =
        new AuditLog(
            otherStore,
            HmacTestAuthenticator.officeKey(),
            new MemoryAuditAnchor(),
            StepClock.startingAt2025(),
            Runnable::run);
    for (int i = 0; i < 3; i++) {
      other.append(AuditEvent.of(AuditKind.LOGIN_FAILED, "user:9"));
    }

    store.replaceAll(otherStore.entries());

    assertThat(log.verify())
        .isEqualTo(
            new Tampered(
                3,
                "entry 3 is not the entry the head outside the database records (entries"
                    + " replaced)"));
  }

  // --- append refuses to hide a truncation --------------------------------------------------

  @Test
  void appendRefusesToExtendALogShorterThanItsHead() {
    AuditLog log = logWith(5);
    store.dropTail(2);

    AuditLog restarted = log();

    assertThatThrownBy(() -> restarted.append(event(6)))
        .isInstanceOf(AuditIntegrityException.class)
        .hasMessage(
            "refusing to append: the log ends at entry 3 but the head outside the database"
                + " records entry 5 (entries removed from the end)");
    assertThatThrownBy(() -> log.append(event(6))).isInstanceOf(AuditIntegrityException.class);
    assertThat(store.count()).isEqualTo(3);
    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(5);
  }

  @Test
  void appendRefusesWhenTheLastEntryIsNotTheOneTheHeadRecords() {
    logWith(3);
    AuditEntry third = store.get(3);
    store.update(3, e -> EntryEdits.withHash(e, EntryEdits.flipBit(third.hash(), 0)));

    assertThatThrownBy(() -> log().append(event(4)))
        .isInstanceOf(AuditIntegrityException.class)
        .hasMessageContaining("entries replaced");
  }

  @Test
  void appendRefusesWhenTheHeadMacDoesNotVerify() {
    logWith(3);
    AuditAnchor.Head real = anchor.read().orElseThrow();
    anchor.write(new AuditAnchor.Head(real.seq(), real.hash(), new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> log().append(event(4)))
        .isInstanceOf(AuditIntegrityException.class)
        .hasMessage("refusing to append: head MAC does not verify");
  }

  @Test
  void appendRecreatesAMissingHead() throws IOException {
    logWith(2);
    Files.delete(headFile);

    AuditLog log = log();
    log.append(event(3));

    assertThat(log.verify()).isEqualTo(new Intact(3));
  }

  @Test
  void appendReportsAMalformedHead() throws IOException {
    logWith(2);
    Files.writeString(headFile, "garbage\n");

    assertThatThrownBy(() -> log().append(event(3))).isInstanceOf(MalformedAnchorException.class);
  }

  // --- concurrency --------------------------------------------------------------------------

  @Test
  void concurrentAppendsKeepTheChainIntact() throws Exception {
    AuditLog log = log();
    final int threads = 8;
    final int perThread = 40;
    final long total = (long) threads * perThread;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    log.append(AuditEvent.of(AuditKind.CASE_OPENED, "user:" + thread));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(log.verify()).isEqualTo(new Intact(total));
    assertThat(store.entries()).extracting(AuditEntry::seq).doesNotHaveDuplicates();
    assertThat(anchor.read().orElseThrow().seq()).isEqualTo(total);
  }
}
