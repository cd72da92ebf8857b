package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.account.Account;
import org.ombuds.account.AccountStore;
import org.ombuds.account.OfficeRecord;
import org.ombuds.account.Username;
import org.ombuds.store.RowTags.Table;
import org.ombuds.vault.KdfParams;
import org.ombuds.vault.WrappedOfficeKey;

/** Accounts and the office record in SQL. */
public final class JdbiAccountStore implements AccountStore {
  private static final String COLUMNS =
      "id, username, kdf_salt, kdf_memory_kib, kdf_iterations, kdf_parallelism, wrapped_office,"
          + " totp_secret_enc, language, active, created_at";

  private final Database db;

  public JdbiAccountStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Account> byUsername(Username username) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.ACCOUNT.select() + " FROM account WHERE username = :u")
                .bind("u", username.value())
                .map(db.tags().checked(Table.ACCOUNT, JdbiAccountStore::account))
                .findOne());
  }

  @Override
  public Optional<Account> byId(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.ACCOUNT.select() + " FROM account WHERE id = :id")
                .bind("id", id)
                .map(db.tags().checked(Table.ACCOUNT, JdbiAccountStore::account))
                .findOne());
  }

  @Override
  public List<Account> all() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.ACCOUNT.select() + " FROM account ORDER BY username")
                .map(db.tags().checked(Table.ACCOUNT, JdbiAccountStore::account))
                .list());
  }

  @Override
  public void insert(Account a) {
    write(
        a,
        "INSERT INTO account ("
            + COLUMNS
            + ") VALUES (:id, :username, :salt, :m, :t, :p, :wrapped, :totp, :lang, :active,"
            + " :created)");
  }

  @Override
  public void update(Account a) {
    write(
        a,
        "UPDATE account SET kdf_salt = :salt, kdf_memory_kib = :m, kdf_iterations = :t,"
            + " kdf_parallelism = :p, wrapped_office = :wrapped, totp_secret_enc = :totp,"
            + " language = :lang, active = :active WHERE id = :id");
  }

  /** Inserts or updates an account row, checking the row it replaces and tagging the result. */
  private void write(Account a, String sql) {
    db.tags()
        .write(
            db,
            Table.ACCOUNT,
            () ->
                db.withHandle(
                    h -> {
                      var u =
                          h.createUpdate(sql)
                              .bind("id", a.id())
                              .bind("salt", a.wrappedOfficeKey().salt())
                              .bind("m", a.wrappedOfficeKey().params().memoryKib())
                              .bind("t", a.wrappedOfficeKey().params().iterations())
                              .bind("p", a.wrappedOfficeKey().params().parallelism())
                              .bind("wrapped", a.wrappedOfficeKey().ciphertext())
                              .bind("totp", a.encryptedTotpSecret().orElse(null))
                              .bind("lang", a.language())
                              .bind("active", a.active() ? 1 : 0);
                      if (sql.startsWith("INSERT")) {
                        u.bind("username", a.username().value());
                        u.bind("created", a.createdAt().toEpochMilli());
                      }
                      return u.execute();
                    }),
            a.id());
  }

  @Override
  public Optional<OfficeRecord> office() {
    return OfficeRow.read(
        db,
        (rs, ctx) ->
            new OfficeRecord(
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getBytes("public_keyset"),
                rs.getBytes("recovery_wrapped"),
                rs.getInt("require_totp") != 0));
  }

  /** Whether the database holds an office row at all, read without trusting it. */
  public boolean hasOffice() {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM office").mapTo(Long.class).one() > 0);
  }

  @Override
  public void insertOffice(OfficeRecord o) {
    db.tags()
        .write(
            db,
            Table.OFFICE,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO office (id, created_at, public_keyset,"
                                    + " recovery_wrapped, require_totp) VALUES (1, :created, :pub,"
                                    + " :rec, :totp)")
                            .bind("created", o.createdAt().toEpochMilli())
                            .bind("pub", o.publicKeyset())
                            .bind("rec", o.recoveryWrapped())
                            .bind("totp", o.requireTotp() ? 1 : 0)
                            .execute()),
            1);
  }

  @Override
  public void updateOffice(OfficeRecord o) {
    OfficeRow.write(db, "require_totp = :totp", u -> u.bind("totp", o.requireTotp() ? 1 : 0));
  }

  private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Account(
        rs.getString("id"),
        new Username(rs.getString("username")),
        new WrappedOfficeKey(
            rs.getBytes("kdf_salt"),
            new KdfParams(
                rs.getInt("kdf_memory_kib"),
                rs.getInt("kdf_iterations"),
                rs.getInt("kdf_parallelism")),
            rs.getBytes("wrapped_office")),
        Optional.ofNullable(rs.getBytes("totp_secret_enc")),
        rs.getString("language"),
        rs.getInt("active") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
