package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.portal.PortalStore;
import org.ombuds.store.RowTags.Table;

/** The portal's threads, messages and consent requests in SQL, as ciphertexts and wrapped keys. */
public final class JdbiPortalStore implements PortalStore {
  private static final String T_COLUMNS =
      "id, lookup, hint, verifier, public_keyset, wrapped_private, meta_enc, case_id, person_id,"
          + " opened_day, activity, unread";
  private static final String M_COLUMNS =
      "id, thread_id, seq, author, kind, day, office_enc, visitor_enc";
  private static final String C_COLUMNS =
      "id, thread_id, disclosure_id, case_id, person_id, version, status, seq, consent_id,"
          + " visitor_enc, office_enc";

  private final Database db;

  public JdbiPortalStore(Database db) {
    this.db = db;
  }

  /**
   * The portal's part of a case's destruction, in the same transaction: unlinks the case's threads
   * (they and their receipts outlive it) and deletes their messages, the visitor's name and way to
   * reach, and the consent requests.
   */
  static void detachCase(Database db, Handle h, String caseId) {
    h.createUpdate(
            "DELETE FROM portal_message WHERE thread_id IN"
                + " (SELECT id FROM portal_thread WHERE case_id = :c)")
        .bind("c", caseId)
        .execute();
    h.createUpdate("DELETE FROM portal_consent WHERE case_id = :c").bind("c", caseId).execute();
    db.tags()
        .writeWhere(
            db,
            Table.PORTAL_THREAD,
            "case_id = :c",
            Map.of("c", caseId),
            () ->
                db.withHandle(
                    tx ->
                        tx.createUpdate(
                                "UPDATE portal_thread SET case_id = NULL, person_id = NULL,"
                                    + " meta_enc = NULL, unread = 0 WHERE case_id = :c")
                            .bind("c", caseId)
                            .execute()));
  }

  @Override
  public byte[] salt(byte[] ifMissing) {
    return db.inTransaction(
        () ->
            db.withHandle(
                h -> {
                  Optional<byte[]> s =
                      h.createQuery("SELECT salt FROM portal_salt WHERE id = 1")
                          .mapTo(byte[].class)
                          .findOne();
                  if (s.isPresent()) {
                    return s.get();
                  }
                  h.createUpdate("INSERT INTO portal_salt (id, salt) VALUES (1, :s)")
                      .bind("s", ifMissing)
                      .execute();
                  return ifMissing;
                }));
  }

  @Override
  public void insertThread(ThreadRow r) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO portal_thread ("
                                    + T_COLUMNS
                                    + ") VALUES (:id, :lookup, :hint, :verifier, :pub, :wrapped, :meta, :case,"
                                    + " :person, :day, :activity, :unread)")
                            .bind("id", r.id())
                            .bind("lookup", r.lookup())
                            .bind("hint", r.hint().orElse(null))
                            .bind("verifier", r.verifier())
                            .bind("pub", r.publicKeyset())
                            .bind("wrapped", r.wrappedPrivate())
                            .bind("meta", r.meta().orElse(null))
                            .bind("case", r.caseId().orElse(null))
                            .bind("person", r.personId().orElse(null))
                            .bind("day", r.openedDay())
                            .bind("activity", r.activity())
                            .bind("unread", r.unread() ? 1 : 0)
                            .execute()),
            r.id());
  }

  @Override
  public Optional<ThreadRow> threadByLookup(String lookup) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.PORTAL_THREAD.select()
                        + " FROM portal_thread WHERE lookup = :l")
                .bind("l", lookup)
                .map(db.tags().checked(Table.PORTAL_THREAD, JdbiPortalStore::thread))
                .findOne());
  }

  @Override
  public boolean hintMayMatch(String hint) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT 1 FROM portal_thread WHERE hint = :h OR hint IS NULL LIMIT 1")
                .bind("h", hint)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  @Override
  public void fillHint(String threadId, String hint) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE portal_thread SET hint = :h WHERE id = :id AND hint IS NULL")
                            .bind("h", hint)
                            .bind("id", threadId)
                            .execute()),
            threadId);
  }

  @Override
  public Optional<ThreadRow> thread(String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + Table.PORTAL_THREAD.select() + " FROM portal_thread WHERE id = :id")
                .bind("id", id)
                .map(db.tags().checked(Table.PORTAL_THREAD, JdbiPortalStore::thread))
                .findOne());
  }

  @Override
  public Optional<byte[]> decisionKey(String threadId) {
    return column(Table.PORTAL_THREAD, threadId, "decision_key");
  }

  @Override
  public void setDecisionKey(String threadId, byte[] publicKey) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE portal_thread SET decision_key = :k WHERE id = :id AND"
                                    + " decision_key IS NULL")
                            .bind("k", publicKey)
                            .bind("id", threadId)
                            .execute()),
            threadId);
  }

  @Override
  public void signDecision(String requestId, byte[] signature) {
    db.tags()
        .write(
            db,
            Table.PORTAL_CONSENT,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate("UPDATE portal_consent SET decision_sig = :s WHERE id = :id")
                            .bind("s", signature)
                            .bind("id", requestId)
                            .execute()),
            requestId);
  }

  @Override
  public Optional<byte[]> decisionSignature(String requestId) {
    return column(Table.PORTAL_CONSENT, requestId, "decision_sig");
  }

  @Override
  public long signedDecisionsFrom() {
    return OfficeRow.read(db, (rs, ctx) -> rs.getLong("signed_decisions_from")).orElse(0L);
  }

  /**
   * Where an office made before signed decisions is first opened (its row not tagged yet): every
   * request made so far may carry unsigned decisions, those made from now on may not.
   */
  public static void markUnsignedDecisions(org.jdbi.v3.core.Handle h) {
    h.createUpdate(
            "UPDATE office SET signed_decisions_from ="
                + " (SELECT COALESCE(MAX(seq), 0) + 1 FROM portal_consent) WHERE mac IS NULL")
        .execute();
  }

  /** One nullable blob column of a checked row. */
  private Optional<byte[]> column(Table table, String id, String column) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + table.select() + " FROM " + table.sql() + " WHERE id = :id")
                .bind("id", id)
                .map(
                    db.tags().checked(table, (rs, ctx) -> Optional.ofNullable(rs.getBytes(column))))
                .findOne()
                .flatMap(b -> b));
  }

  @Override
  public ThreadList threads() {
    List<ThreadRow> sound = new java.util.ArrayList<>();
    List<String> tampered = new java.util.ArrayList<>();
    db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.PORTAL_THREAD.select()
                        + " FROM portal_thread ORDER BY activity DESC")
                .map(
                    (rs, ctx) -> {
                      if (db.tags().sound(Table.PORTAL_THREAD, rs)) {
                        sound.add(thread(rs, ctx));
                      } else {
                        tampered.add(rs.getString("id"));
                      }
                      return Boolean.TRUE;
                    })
                .list());
    return new ThreadList(sound, tampered);
  }

  @Override
  public List<ThreadRow> threadsOf(String caseId, String personId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.PORTAL_THREAD.select()
                        + " FROM portal_thread WHERE case_id = :c AND person_id = :p"
                        + " ORDER BY activity DESC")
                .bind("c", caseId)
                .bind("p", personId)
                .map(db.tags().checked(Table.PORTAL_THREAD, JdbiPortalStore::thread))
                .list());
  }

  @Override
  public long nextActivity() {
    // Never below the first signed request: rows deleted by a DBA must not make a new request look
    // like one from before signed decisions (whose unsigned decisions are still honoured).
    long next =
        db.withHandle(
            h ->
                h.createQuery(
                        "SELECT COALESCE(MAX(m), 0) + 1 FROM (SELECT MAX(activity) AS m FROM"
                            + " portal_thread UNION ALL SELECT MAX(seq) AS m FROM portal_consent) x")
                    .mapTo(Long.class)
                    .one());
    return Math.max(next, signedDecisionsFrom());
  }

  @Override
  public void touch(String threadId, long activity, boolean unread) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE portal_thread SET activity = :a"
                                    + (unread ? ", unread = 1" : "")
                                    + " WHERE id = :id")
                            .bind("a", activity)
                            .bind("id", threadId)
                            .execute()),
            threadId);
  }

  @Override
  public void markRead(String threadId) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate("UPDATE portal_thread SET unread = 0 WHERE id = :id")
                            .bind("id", threadId)
                            .execute()),
            threadId);
  }

  @Override
  public void link(String threadId, String caseId, String personId) {
    db.tags()
        .write(
            db,
            Table.PORTAL_THREAD,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE portal_thread SET case_id = :c, person_id = :p WHERE id = :id")
                            .bind("c", caseId)
                            .bind("p", personId)
                            .bind("id", threadId)
                            .execute()),
            threadId);
  }

  @Override
  public void insertMessage(MessageRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO portal_message ("
                        + M_COLUMNS
                        + ") VALUES (:id, :thread, :seq, :author, :kind, :day, :office, :visitor)")
                .bind("id", r.id())
                .bind("thread", r.threadId())
                .bind("seq", r.seq())
                .bind("author", r.author())
                .bind("kind", r.kind())
                .bind("day", r.day())
                .bind("office", r.officeSealed())
                .bind("visitor", r.visitorSealed())
                .execute());
  }

  @Override
  public List<MessageRow> messages(String threadId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + M_COLUMNS
                        + " FROM portal_message WHERE thread_id = :t ORDER BY seq")
                .bind("t", threadId)
                .map(
                    (rs, ctx) ->
                        new MessageRow(
                            rs.getString("id"),
                            rs.getString("thread_id"),
                            rs.getInt("seq"),
                            rs.getString("author"),
                            rs.getString("kind"),
                            rs.getLong("day"),
                            rs.getBytes("office_enc"),
                            rs.getBytes("visitor_enc")))
                .list());
  }

  @Override
  public int nextSeq(String threadId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM portal_message WHERE thread_id = :t")
                .bind("t", threadId)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public void insertConsent(ConsentRow r) {
    db.tags()
        .write(
            db,
            Table.PORTAL_CONSENT,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO portal_consent ("
                                    + C_COLUMNS
                                    + ") VALUES (:id, :thread, :d, :case, :person, :version, :status, :seq,"
                                    + " :consent, :visitor, :office)")
                            .bind("id", r.id())
                            .bind("thread", r.threadId())
                            .bind("d", r.disclosureId())
                            .bind("case", r.caseId())
                            .bind("person", r.personId())
                            .bind("version", r.version())
                            .bind("status", r.status())
                            .bind("seq", r.seq())
                            .bind("consent", r.consentId().orElse(null))
                            .bind("visitor", r.visitorSealed())
                            .bind("office", r.officeSealed().orElse(null))
                            .execute()),
            r.id());
  }

  @Override
  public List<ConsentRow> consentsOfThread(String threadId) {
    return consents("thread_id", threadId);
  }

  @Override
  public List<ConsentRow> consentsOfDisclosure(String disclosureId) {
    return consents("disclosure_id", disclosureId);
  }

  private List<ConsentRow> consents(String column, String value) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.PORTAL_CONSENT.select()
                        + " FROM portal_consent WHERE "
                        + column
                        + " = :v ORDER BY seq")
                .bind("v", value)
                .map(db.tags().checked(Table.PORTAL_CONSENT, JdbiPortalStore::consent))
                .list());
  }

  @Override
  public boolean setConsentStatusIf(
      String id, String expected, String status, Optional<String> consentId) {
    return db.tags()
            .write(
                db,
                Table.PORTAL_CONSENT,
                () ->
                    db.withHandle(
                        h ->
                            h.createUpdate(
                                    "UPDATE portal_consent SET status = :s, consent_id = :c"
                                        + " WHERE id = :id AND status = :e")
                                .bind("s", status)
                                .bind("c", consentId.orElse(null))
                                .bind("id", id)
                                .bind("e", expected)
                                .execute()),
                id)
        == 1;
  }

  @Override
  public void setConsentStatus(String id, String status, Optional<String> consentId) {
    db.tags()
        .write(
            db,
            Table.PORTAL_CONSENT,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE portal_consent SET status = :s, consent_id = :c WHERE id = :id")
                            .bind("s", status)
                            .bind("c", consentId.orElse(null))
                            .bind("id", id)
                            .execute()),
            id);
  }

  @Override
  public Optional<DraftState> draftState(String disclosureId) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.DISCLOSURE.select() + " FROM disclosure WHERE id = :id")
                .bind("id", disclosureId)
                .map(
                    db.tags()
                        .checked(
                            Table.DISCLOSURE,
                            (rs, ctx) ->
                                new DraftState(
                                    rs.getString("case_id"),
                                    rs.getString("status"),
                                    rs.getInt("version"))))
                .findOne());
  }

  private static ThreadRow thread(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ThreadRow(
        rs.getString("id"),
        rs.getString("lookup"),
        Optional.ofNullable(rs.getString("hint")),
        rs.getBytes("verifier"),
        rs.getBytes("public_keyset"),
        rs.getBytes("wrapped_private"),
        Optional.ofNullable(rs.getBytes("meta_enc")),
        Optional.ofNullable(rs.getString("case_id")),
        Optional.ofNullable(rs.getString("person_id")),
        rs.getLong("opened_day"),
        rs.getLong("activity"),
        rs.getInt("unread") != 0);
  }

  private static ConsentRow consent(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ConsentRow(
        rs.getString("id"),
        rs.getString("thread_id"),
        rs.getString("disclosure_id"),
        rs.getString("case_id"),
        rs.getString("person_id"),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getLong("seq"),
        Optional.ofNullable(rs.getString("consent_id")),
        rs.getBytes("visitor_enc"),
        Optional.ofNullable(rs.getBytes("office_enc")));
  }
}
