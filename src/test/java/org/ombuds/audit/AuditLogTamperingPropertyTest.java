package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombuds.audit.Verification.Intact;
import org.ombuds.audit.Verification.Tampered;

/**
 * Seeded random tampering: each case builds a log of random length, checks it verifies, applies one
 * random single edit a database administrator could make, and requires verification to report it at
 * or before the first entry touched. The head is kept in memory here to keep 500 cases fast; the
 * file anchor is covered by {@link AuditLogTest} and {@link FileAuditAnchorTest}.
 */
class AuditLogTamperingPropertyTest {

  private static final int CASES = 500;
  private static final int MAX_ENTRIES = 40;
  private static final List<AuditKind> KINDS = List.of(AuditKind.values());

  static LongStream seeds() {
    return LongStream.range(0, CASES);
  }

  /** One edit: what it does, the lowest seq it touches, and how to apply it. */
  private record Tampering(
      String description, long firstTouched, Consumer<InMemoryAuditStore> edit) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everySingleTamperingIsDetectedNoLaterThanTheFirstTouchedEntry(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InMemoryAuditStore store = new InMemoryAuditStore();
    AuditLog log =
        new AuditLog(
            store,
            HmacTestAuthenticator.officeKey(),
            new MemoryAuditAnchor(),
            new StepClock(
                Instant.ofEpochSecond(1_700_000_000L + seed),
                1_000_000L * (1 + random.nextInt(5000))),
            Runnable::run);
    int n = 1 + random.nextInt(MAX_ENTRIES);
    for (int i = 0; i < n; i++) {
      log.append(randomEvent(random));
    }
    assertThat(log.verify()).isEqualTo(new Intact(n));

    Tampering tampering = randomTampering(random, store, n);
    tampering.edit().accept(store);

    Verification result = log.verify();
    String what = tampering.description() + " on a log of " + n + " entries, reported " + result;
    assertThat(result).as(what).isInstanceOf(Tampered.class);
    assertThat(((Tampered) result).firstBadSeq()).as(what).isBetween(1L, tampering.firstTouched());
  }

  private static AuditEvent randomEvent(SplittableRandom random) {
    return new AuditEvent(
        KINDS.get(random.nextInt(KINDS.size())),
        random.nextBoolean() ? "user:" + random.nextInt(1000) : "",
        random.nextBoolean() ? "case:" + random.nextInt(100_000) : "",
        random.nextBoolean() ? "ok" : "");
  }

  private static Tampering randomTampering(
      SplittableRandom random, InMemoryAuditStore store, int n) {
    long i = 1L + random.nextInt(n);
    AuditEntry e = store.get(i);
    int choice = random.nextInt(n >= 2 ? 11 : 10);
    return switch (choice) {
      case 0 -> {
        long seq = differentSeq(random, i, n);
        yield new Tampering(
            "seq of " + i + " set to " + seq, i, s -> s.update(i, x -> EntryEdits.withSeq(x, seq)));
      }
      case 1 -> {
        long deltaNanos =
            (random.nextBoolean() ? 1 : -1) * (1 + random.nextLong(86_400_000_000_000L));
        yield new Tampering(
            "at of " + i + " moved", i, s -> s.update(i, x -> withAt(x, deltaNanos)));
      }
      case 2 -> {
        AuditKind kind = differentKind(random, e.kind());
        yield new Tampering(
            "kind of " + i + " changed", i, s -> s.update(i, x -> withKind(x, kind)));
      }
      case 3 -> {
        String actor = differentIdentifier(random, e.actor());
        yield new Tampering(
            "actor of " + i + " changed", i, s -> s.update(i, x -> EntryEdits.withActor(x, actor)));
      }
      case 4 -> {
        String subject = differentIdentifier(random, e.subject());
        yield new Tampering(
            "subject of " + i + " changed", i, s -> s.update(i, x -> withSubject(x, subject)));
      }
      case 5 -> {
        String outcome = differentIdentifier(random, e.outcome());
        yield new Tampering(
            "outcome of " + i + " changed", i, s -> s.update(i, x -> withOutcome(x, outcome)));
      }
      case 6 -> {
        int bit = random.nextInt(e.hash().length * 8);
        yield new Tampering(
            "bit " + bit + " of hash " + i + " flipped",
            i,
            s -> s.update(i, x -> EntryEdits.withHash(x, EntryEdits.flipBit(x.hash(), bit))));
      }
      case 7 -> {
        int bit = random.nextInt(e.mac().length * 8);
        yield new Tampering(
            "bit " + bit + " of mac " + i + " flipped",
            i,
            s -> s.update(i, x -> EntryEdits.withMac(x, EntryEdits.flipBit(x.mac(), bit))));
      }
      case 8 -> {
        int bit = random.nextInt(e.prevHash().length * 8);
        yield new Tampering(
            "bit " + bit + " of prevHash " + i + " flipped",
            i,
            s ->
                s.update(
                    i, x -> EntryEdits.withPrevHash(x, EntryEdits.flipBit(x.prevHash(), bit))));
      }
      case 9 -> {
        if (random.nextBoolean()) {
          yield new Tampering("entry " + i + " deleted", i, s -> s.delete(i));
        }
        int dropped = 1 + random.nextInt(n);
        yield new Tampering(
            dropped + " entries dropped from the end", n - dropped + 1L, s -> s.dropTail(dropped));
      }
      default -> {
        long j = 1L + random.nextInt(n - 1);
        long other = j >= i ? j + 1 : j;
        yield new Tampering(
            "entries " + i + " and " + other + " swapped",
            Math.min(i, other),
            s -> s.swap(i, other));
      }
    };
  }

  private static long differentSeq(SplittableRandom random, long seq, int n) {
    long candidate;
    do {
      candidate = random.nextLong(-3, n + 4L);
    } while (candidate == seq);
    return candidate;
  }

  private static AuditKind differentKind(SplittableRandom random, AuditKind kind) {
    AuditKind candidate;
    do {
      candidate = KINDS.get(random.nextInt(KINDS.size()));
    } while (candidate == kind);
    return candidate;
  }

  private static String differentIdentifier(SplittableRandom random, String value) {
    String candidate;
    do {
      candidate = random.nextBoolean() ? "" : "id:" + random.nextInt(50);
    } while (candidate.equals(value));
    return candidate;
  }

  private static AuditEntry withAt(AuditEntry e, long deltaNanos) {
    return new AuditEntry(
        e.seq(),
        e.at().plusNanos(deltaNanos),
        e.kind(),
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  private static AuditEntry withKind(AuditEntry e, AuditKind kind) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        kind,
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  private static AuditEntry withSubject(AuditEntry e, String subject) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        e.actor(),
        subject,
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  private static AuditEntry withOutcome(AuditEntry e, String outcome) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        e.actor(),
        e.subject(),
        outcome,
        e.prevHash(),
        e.hash(),
        e.mac());
  }
}
