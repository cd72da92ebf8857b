package org.ombuds.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.ombuds.common.Transactions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The office's database: a connection pool, the schema migrations and the transaction boundary.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL} (an acknowledged commit survives a
 * crash), {@code secure_delete=ON} (deleted rows are overwritten, not left in free pages) and
 * foreign keys enforced; its write transactions begin {@code IMMEDIATE}, so two processes on the
 * same file (the server and a command) take turns instead of failing half-way.
 *
 * <p>In this process all write transactions take one lock, which keeps the audit chain's appends in
 * order; reads do not take it.
 */
public final class Database implements Transactions, AutoCloseable {

  private final DbConfig config;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile RowTags tags;

  // Per database, not static: two open databases (a test, a migration) have separate transactions.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  // The connection shared by the reads of one {@link #reading} call on this thread (no
  // transaction).
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Handle> reader = new ThreadLocal<>();

  private static final class Tx {
    final Handle handle;
    final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Handle handle) {
      this.handle = handle;
    }
  }

  private Database(DbConfig config, HikariDataSource pool) {
    this.config = config;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
  }

  /**
   * Opens the database and brings its schema up to date.
   *
   * @throws StoreException when it cannot be opened or migrated
   */
  public static Database open(DbConfig config) {
    HikariDataSource pool = pool(config);
    try {
      migrate(config, pool, Optional.empty());
      return new Database(config, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(DbConfig config) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("ombuds-db");
    hc.setConnectionTimeout(15_000);
    if (config.vendor() == DbConfig.Vendor.SQLITE) {
      SQLiteConfig sc = new SQLiteConfig();
      sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sc.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      sc.enforceForeignKeys(true);
      sc.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
      sc.setBusyTimeout(15_000);
      sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource ds = new SQLiteDataSource(sc);
      ds.setUrl(config.jdbcUrl());
      hc.setDataSource(ds);
      hc.setMaximumPoolSize(4);
    } else {
      hc.setJdbcUrl(config.jdbcUrl());
      hc.setMaximumPoolSize(10);
    }
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot open the database at "
              + config.redactedUrl()
              + ": "
              + plainCause(e)
              + ". Check that it exists, is reachable and is not corrupt.");
    }
  }

  /**
   * Creates or updates the schema of a database up to {@code version} (a restore loads rows made
   * under that version, then the rest of the migrations run on them), without opening it for use.
   *
   * @throws StoreException when it cannot be opened or migrated
   */
  public static void migrateSchema(DbConfig config, Optional<String> version) {
    try (HikariDataSource pool = pool(config)) {
      migrate(config, pool, version);
    }
  }

  private static void migrate(
      DbConfig config, HikariDataSource pool, Optional<String> targetVersion) {
    String blob = config.vendor() == DbConfig.Vendor.POSTGRES ? "BYTEA" : "BLOB";
    try {
      var flyway =
          Flyway.configure()
              .dataSource(pool)
              .locations("classpath:db/migration")
              .placeholders(Map.of("blob", blob))
              .loggers("slf4j");
      targetVersion.ifPresent(flyway::target);
      flyway.load().migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "Cannot bring the database schema up to date: "
              + plainCause(e)
              + ". The database may be corrupt or locked by another program.");
    }
  }

  /** Names the innermost cause by its class and SQL state only (never row values). */
  static String plainCause(Throwable e) {
    Throwable t = e;
    String sqlState = null;
    while (t.getCause() != null && !t.getCause().equals(t)) {
      t = t.getCause();
      if (t instanceof SQLException s && s.getSQLState() != null) {
        sqlState = s.getSQLState();
      }
    }
    String text = t.getMessage() == null ? "" : t.getMessage();
    // SQLite and PostgreSQL error texts name the failure (locked, disk full, not a database) and
    // never the bound values; cut them short anyway and drop anything after a detail marker.
    int cut = text.indexOf("Detail:");
    if (cut >= 0) {
      text = text.substring(0, cut);
    }
    if (text.length() > 160) {
      text = text.substring(0, 160) + "...";
    }
    return t.getClass().getSimpleName()
        + (sqlState == null ? "" : " (SQL state " + sqlState + ")")
        + (text.isBlank() ? "" : ": " + text.strip());
  }

  /** Authenticates the rows the mandate rests on: set once, before any store is used. */
  public void useRowTags(RowTags rowTags) {
    this.tags = java.util.Objects.requireNonNull(rowTags, "rowTags");
  }

  /** The row tags {@link #useRowTags} set. */
  public RowTags tags() {
    RowTags t = tags;
    if (t == null) {
      throw new IllegalStateException("row tags are not set up on this database");
    }
    return t;
  }

  /** Which database this is. */
  public DbConfig config() {
    return config;
  }

  /** True on PostgreSQL. */
  public boolean isPostgres() {
    return config.vendor() == DbConfig.Vendor.POSTGRES;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    writeLock.lock();
    try (Handle handle = jdbi.open()) {
      Tx tx = new Tx(handle);
      current.set(tx);
      T result;
      try {
        handle.begin();
        result = work.get();
        handle.commit();
      } catch (RuntimeException | Error e) {
        if (handle.isInTransaction()) {
          handle.rollback();
        }
        throw translate(e);
      } finally {
        current.remove();
      }
      for (Runnable action : tx.afterCommit) {
        action.run();
      }
      return result;
    } catch (JdbiException e) {
      throw translate(e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    Tx tx = current.get();
    if (tx == null) {
      action.run();
    } else {
      tx.afterCommit.add(action);
    }
  }

  @Override
  public <T> T reading(Supplier<T> work) {
    if (current.get() != null || reader.get() != null) {
      return work.get();
    }
    try (Handle handle = jdbi.open()) {
      reader.set(handle);
      try {
        return work.get();
      } finally {
        reader.remove();
      }
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  /**
   * Runs {@code work} with the current transaction's handle, the current {@link #reading} call's
   * handle, or a short-lived one for reading.
   */
  <T> T withHandle(Function<Handle, T> work) {
    Tx tx = current.get();
    if (tx != null) {
      return work.apply(tx.handle);
    }
    Handle shared = reader.get();
    if (shared != null) {
      try {
        return work.apply(shared);
      } catch (JdbiException e) {
        throw translate(e);
      }
    }
    try (Handle handle = jdbi.open()) {
      return work.apply(handle);
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  /** Runs {@code work} with this thread's handle: for the composition root's one-off upkeep. */
  public <T> T withHandleForMaintenance(Function<Handle, T> work) {
    return withHandle(work);
  }

  private static <E extends Throwable> RuntimeException translateOrRethrow(E e) {
    if (e instanceof RuntimeException r) {
      return r;
    }
    throw (Error) e;
  }

  private static RuntimeException translate(Throwable e) {
    if (e instanceof JdbiException) {
      return new StoreException("A database operation failed: " + plainCause(e));
    }
    return translateOrRethrow(e);
  }

  @Override
  public void close() {
    pool.close();
  }
}
