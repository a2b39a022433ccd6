package io.tradingactors.app.api;

import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * A request the API answers with an error: thrown anywhere below the routes and turned into the status and
 * {@link ApiError} body by the routes' exception handler. Nothing has been persisted when it is thrown.
 */
public final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient StatusCode status;
  private final String code;

  public ApiProblem(StatusCode status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** A field of the request is wrong; {@code message} starts with the field's path ({@code trades[2].pnl: …}). */
  public static ApiProblem invalidInput(String message) {
    return new ApiProblem(StatusCodes.BAD_REQUEST, "invalid_input", message);
  }

  public static ApiProblem notFound(String message) {
    return new ApiProblem(StatusCodes.NOT_FOUND, "not_found", message);
  }

  /** The journal does not answer: the client should retry after a while; nothing was persisted. */
  public static ApiProblem unavailable(String message) {
    return new ApiProblem(StatusCodes.SERVICE_UNAVAILABLE, "unavailable", message);
  }

  public StatusCode status() {
    return status;
  }

  public ApiError body() {
    return new ApiError(code, getMessage());
  }
}
