package io.tradingactors.app.api;

/**
 * The body of every 4xx and 5xx answer (DESIGN §5): a stable machine-readable {@code error} code and a
 * {@code message} for the person fixing the request, naming the field at fault.
 */
public record ApiError(String error, String message) {}
