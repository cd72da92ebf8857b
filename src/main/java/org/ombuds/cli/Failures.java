package org.ombuds.cli;

import org.ombuds.app.OfficeException;
import org.ombuds.audit.AuditIntegrityException;
import org.ombuds.backup.BackupFailure;
import org.ombuds.common.TamperedRowException;
import org.ombuds.store.StoreException;
import org.ombuds.vault.VaultException;
import picocli.CommandLine;

/** Prints a failure in plain words (no stack trace) and picks the exit code. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    cl.getErr().println("ombuds: " + describe(ex));
    return switch (ex) {
      case OfficeException o -> o.badInput() ? Main.BAD_INPUT : Main.FAULT;
      case UsageException u -> Main.BAD_INPUT;
      case AuditIntegrityException a -> Main.TAMPERED;
      case TamperedRowException t -> Main.TAMPERED;
      case BackupFailure b ->
          switch (b.kind()) {
            case BAD_INPUT -> Main.BAD_INPUT;
            case DAMAGED -> Main.TAMPERED;
            case FAULT -> Main.FAULT;
          };
      default -> Main.FAULT;
    };
  }

  static String describe(Exception ex) {
    return switch (ex) {
      case OfficeException o -> o.getMessage();
      case UsageException u -> u.getMessage();
      case BackupFailure b -> b.getMessage();
      case StoreException s -> s.getMessage();
      case VaultException v -> v.getMessage();
      case AuditIntegrityException a -> "The audit log was edited: " + a.getMessage();
      case TamperedRowException t -> t.getMessage(); // names the table and row key, no value
      case java.io.UncheckedIOException io ->
          "A file could not be read or written: " + io.getCause().getMessage();
      default ->
          "Unexpected failure (" + ex.getClass().getSimpleName() + "). Nothing secret was printed.";
    };
  }
}
