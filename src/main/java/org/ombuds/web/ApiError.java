package org.ombuds.web;

/**
 * An answer other than success, with the contract's error code and a message for people. Thrown by
 * handlers and turned into JSON (API) or an HTML page (pages) in one place, {@link ErrorMapper}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final transient java.util.Map<String, Object> extra;

  public ApiError(int status, String code, String message) {
    this(status, code, message, java.util.Map.of());
  }

  /** An error whose JSON body carries {@code extra} fields beside error and message. */
  public ApiError(int status, String code, String message, java.util.Map<String, Object> extra) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.extra = java.util.Map.copyOf(extra);
  }

  /** Fields added to the JSON body. */
  public java.util.Map<String, Object> extra() {
    return extra;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "invalid_request", message);
  }

  static ApiError notFound() {
    return new ApiError(404, "not_found", "There is nothing at this address.");
  }
}
