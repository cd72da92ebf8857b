package org.ombuds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombuds.account.Account;
import org.ombuds.account.OfficeRecord;
import org.ombuds.account.Username;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditKind;
import org.ombuds.casefile.CaseStore;
import org.ombuds.testing.Files2;
import org.ombuds.testing.Postgres;
import org.ombuds.vault.KdfParams;
import org.ombuds.vault.WrappedOfficeKey;

/** The repositories and the transaction boundary, on SQLite and on a real PostgreSQL alike. */
class StoreIT {

  static Stream<String> databases() throws Exception {
    Path dir = Files.createTempDirectory("ombuds-store-");
    dir.toFile().deleteOnExit();
    return Stream.of("jdbc:sqlite:" + dir.resolve("test.db"), Postgres.newDatabase());
  }

  private static Database open(String url) {
    Database db = Database.open(DbConfig.fromUrl(url));
    try {
      Path keyFile = Files.createTempDirectory("ombuds-store-key-").resolve("audit.key");
      db.useRowTags(
          new RowTags(
              org.ombuds.app.Office.authenticator(org.ombuds.vault.AuditKey.generate(keyFile))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return db;
  }

  private static Account account(String id, String name) {
    return new Account(
        id,
        new Username(name),
        new WrappedOfficeKey(new byte[16], KdfParams.DEFAULT, ciphertext()),
        Optional.empty(),
        "en",
        true,
        Instant.ofEpochMilli(1_700_000_000_000L));
  }

  private static byte[] ciphertext() {
    byte[] c = new byte[64];
    c[0] = 9;
    c[63] = 6;
    return c;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void accounts_and_office_round_trip(String url) {
    try (Database db = open(url)) {
      JdbiAccountStore store = new JdbiAccountStore(db);
      store.insertOffice(
          new OfficeRecord(Instant.ofEpochMilli(1000), new byte[] {1}, new byte[] {2, 3}, false));
      store.insert(account("11111111-1111-4111-8111-111111111111", "alice"));
      Account read = store.byUsername(new Username("alice")).orElseThrow();
      assertThat(read.id()).isEqualTo("11111111-1111-4111-8111-111111111111");
      assertThat(read.wrappedOfficeKey().ciphertext()).containsExactly(ciphertext());
      assertThat(read.wrappedOfficeKey().params()).isEqualTo(KdfParams.DEFAULT);
      assertThat(read.encryptedTotpSecret()).isEmpty();
      store.update(
          new Account(
              read.id(),
              read.username(),
              read.wrappedOfficeKey(),
              Optional.of(new byte[] {5}),
              "fr",
              true,
              read.createdAt()));
      Account updated = store.byId(read.id()).orElseThrow();
      assertThat(updated.encryptedTotpSecret())
          .hasValueSatisfying(b -> assertThat(b).containsExactly(5));
      assertThat(updated.language()).isEqualTo("fr");
      assertThat(store.byUsername(new Username("bob"))).isEmpty();
      store.updateOffice(store.office().orElseThrow().withRequireTotp(true));
      assertThat(store.office().orElseThrow().requireTotp()).isTrue();
      assertThatThrownBy(
              () -> store.insert(account("22222222-2222-4222-8222-222222222222", "alice")))
          .isInstanceOf(StoreException.class)
          .hasMessageNotContaining("alice");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_failed_transaction_leaves_nothing_and_runs_no_after_commit_action(String url) {
    try (Database db = open(url)) {
      JdbiAccountStore store = new JdbiAccountStore(db);
      AtomicBoolean ran = new AtomicBoolean();
      assertThatThrownBy(
              () ->
                  db.run(
                      () -> {
                        store.insert(account("33333333-3333-4333-8333-333333333333", "carol"));
                        db.afterCommit(() -> ran.set(true));
                        throw new IllegalStateException("fails half-way");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(store.byUsername(new Username("carol"))).isEmpty();
      assertThat(ran).isFalse();
      db.run(
          () -> {
            store.insert(account("33333333-3333-4333-8333-333333333333", "carol"));
            db.afterCommit(() -> ran.set(true));
            assertThat(ran).as("not before commit").isFalse();
          });
      assertThat(ran).isTrue();
      assertThat(store.byUsername(new Username("carol"))).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void reads_inside_reading_share_one_connection_and_writes_still_commit(String url) {
    try (Database db = open(url)) {
      JdbiAccountStore store = new JdbiAccountStore(db);
      db.reading(
          () -> {
            Object first = db.withHandle(h -> h);
            assertThat(first).isSameAs(db.withHandle(h -> h));
            // A write inside a read is its own transaction and commits.
            db.run(() -> store.insert(account("44444444-4444-4444-8444-444444444444", "dora")));
            return null;
          });
      Object outside = db.withHandle(h -> h);
      assertThat(outside).as("released after reading").isNotSameAs(db.withHandle(h -> h));
      assertThat(store.byUsername(new Username("dora"))).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void audit_rows_round_trip_in_order(String url) {
    // (The stored hash is 32 bytes, as every real entry's: the store refuses to read a shorter
    // one.)
    try (Database db = open(url)) {
      JdbiAuditStore store = new JdbiAuditStore(db);
      assertThat(store.last()).isEmpty();
      for (long seq = 1; seq <= 3; seq++) {
        long s = seq;
        db.run(
            () ->
                store.insert(
                    new AuditEntry(
                        s,
                        Instant.ofEpochMilli(1000 * s),
                        AuditKind.NOTE_ADDED,
                        "actor",
                        "subject-" + s,
                        "ok",
                        new byte[32],
                        hashOf(s),
                        new byte[] {7})));
      }
      List<Long> seqs = new ArrayList<>();
      store.forEachInOrder(e -> seqs.add(e.seq()));
      assertThat(seqs).containsExactly(1L, 2L, 3L);
      assertThat(store.count()).isEqualTo(3);
      AuditEntry last = db.inTransaction(() -> store.last().orElseThrow());
      assertThat(last.seq()).isEqualTo(3);
      assertThat(last.subject()).isEqualTo("subject-3");
      assertThat(last.kind()).isEqualTo(AuditKind.NOTE_ADDED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void cases_and_notes_round_trip_as_ciphertexts(String url) {
    try (Database db = open(url)) {
      JdbiCaseStore store = new JdbiCaseStore(db);
      String id = "44444444-4444-4444-8444-444444444444";
      store.insertCase(
          new CaseStore.CaseRow(
              id,
              new byte[] {1},
              "OPEN",
              Instant.ofEpochMilli(5000),
              Optional.empty(),
              0,
              "handler",
              new byte[] {2},
              new byte[] {3},
              new byte[] {4},
              new byte[] {5},
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
      store.insertNote(
          new CaseStore.NoteRow(
              "55555555-5555-4555-8555-555555555555",
              id,
              Instant.ofEpochMilli(6000),
              "author",
              new byte[] {6, 6}));
      CaseStore.CaseRow row = store.findCase(id).orElseThrow();
      assertThat(row.title()).containsExactly(2);
      assertThat(row.closedAt()).isEmpty();
      assertThat(store.notes(id))
          .singleElement()
          .satisfies(n -> assertThat(n.body()).containsExactly(6, 6));
      assertThat(store.listCases()).hasSize(1);
      assertThat(store.findCase("66666666-6666-4666-8666-666666666666")).isEmpty();
      assertThatThrownBy(
              () ->
                  store.insertNote(
                      new CaseStore.NoteRow(
                          "77777777-7777-4777-8777-777777777777",
                          "no-such-case",
                          Instant.EPOCH,
                          "a",
                          new byte[] {1})))
          .as("foreign keys are enforced")
          .isInstanceOf(StoreException.class);
      store.insertChild(
          CaseStore.Child.PERSON,
          new CaseStore.ChildRow(
              "88888888-8888-4888-8888-888888888888",
              id,
              Instant.ofEpochMilli(7000),
              new byte[] {8}));
      assertThat(
              store.updateChild(
                  CaseStore.Child.PERSON,
                  id,
                  "88888888-8888-4888-8888-888888888888",
                  new byte[] {9}))
          .isTrue();
      assertThat(
              store.updateChild(
                  CaseStore.Child.PERSON,
                  "other",
                  "88888888-8888-4888-8888-888888888888",
                  new byte[] {1}))
          .as("only within its case")
          .isFalse();
      assertThat(store.children(CaseStore.Child.PERSON, id))
          .singleElement()
          .satisfies(c -> assertThat(c.data()).containsExactly(9));
      String acct1 = "a1111111-1111-4111-8111-111111111111";
      new JdbiAccountStore(db).insert(account(acct1, "recused"));
      store.insertRecusal(id, acct1, Instant.ofEpochMilli(1));
      assertThat(store.recusedAccounts(id)).containsExactly(acct1);
      assertThat(store.recusedCases(acct1))
          .as("as the account's tagged row lists them")
          .containsExactly(id);
      assertThat(store.reassignCases("handler", "acct-2")).isEqualTo(1);
      CaseStore.CaseRow handed = store.findCase(id).orElseThrow();
      assertThat(handed.handlerId()).isEqualTo("acct-2");
      assertThat(store.updateCase(handed, handed.version() + 5)).as("stale version").isFalse();
      assertThat(store.updateCase(handed, handed.version())).isTrue();
      store.insertStatRecord("99999999-9999-4999-8999-999999999999", new byte[] {4, 2});
      assertThat(store.dueForDestruction(Instant.ofEpochMilli(Long.MAX_VALUE / 2)).due()).isEmpty();
      store.destroyCase(id);
      store.compact();
      assertThat(store.findCase(id)).isEmpty();
      assertThat(store.notes(id)).isEmpty();
      assertThat(store.children(CaseStore.Child.PERSON, id)).isEmpty();
      assertThat(store.recusedCases(acct1)).isEmpty();
      assertThat(store.statRecords())
          .singleElement()
          .satisfies(b -> assertThat(b).containsExactly(4, 2));
    }
  }

  @org.junit.jupiter.api.Test
  void sqlite_runs_with_wal_secure_delete_and_foreign_keys() throws Exception {
    Path dir = Files.createTempDirectory("ombuds-pragmas-");
    try (Database db = open("jdbc:sqlite:" + dir.resolve("p.db"))) {
      String journal =
          db.withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
      Integer secureDelete =
          db.withHandle(h -> h.createQuery("PRAGMA secure_delete").mapTo(Integer.class).one());
      Integer foreignKeys =
          db.withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
      Integer synchronous =
          db.withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
      assertThat(journal).isEqualToIgnoringCase("wal");
      assertThat(secureDelete).isEqualTo(1);
      assertThat(foreignKeys).isEqualTo(1);
      assertThat(synchronous).as("FULL").isEqualTo(2);
    } finally {
      Files2.deleteTree(dir);
    }
  }

  @org.junit.jupiter.api.Test
  void a_corrupt_database_file_gives_a_plain_error() throws Exception {
    Path dir = Files.createTempDirectory("ombuds-corrupt-");
    try {
      Files.write(
          dir.resolve("bad.db"),
          "this is not a database, just text that is long enough to look like a header........"
              .repeat(100)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThatThrownBy(() -> open("jdbc:sqlite:" + dir.resolve("bad.db")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("database");
    } finally {
      Files2.deleteTree(dir);
    }
  }

  private static byte[] hashOf(long seq) {
    byte[] h = new byte[32];
    h[0] = (byte) seq;
    return h;
  }
}
