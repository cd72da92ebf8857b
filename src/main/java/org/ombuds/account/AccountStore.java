package org.ombuds.account;

import java.util.List;
import java.util.Optional;

/** Where accounts and the office record are kept (implemented by the storage adapter). */
public interface AccountStore {

  Optional<Account> byUsername(Username username);

  Optional<Account> byId(String id);

  /** All accounts, by username. */
  List<Account> all();

  void insert(Account account);

  void update(Account account);

  Optional<OfficeRecord> office();

  void insertOffice(OfficeRecord office);

  void updateOffice(OfficeRecord office);
}
