package io.tradingactors.app.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.EventValidator;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.event.Violation;
import io.tradingactors.domain.input.TimeParser;
import io.tradingactors.domain.json.WireNaming;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The request bodies of the write routes, read strictly (DESIGN §5): malformed JSON, a key repeated in an object,
 * NaN/Infinity tokens, anything after the value, an unknown or missing field, a value of the wrong JSON type (a quoted
 * number is an error, not a number), a non-finite number such as {@code 1e999}, and whatever {@link EventValidator}
 * refuses each become an {@link ApiProblem} whose message starts with the path of the field at fault:
 * {@code trades[2].pnl: must be a JSON number, got a string} for an array, {@code pnl: …} for a single object.
 */
public final class RequestBodies {

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .propertyNamingStrategy(new WireNaming())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private RequestBodies() {}

  /** The wire shape of a trade: every field boxed, so that "missing" is told apart from a value. */
  record TradeBody(
      String tradeId,
      String symbol,
      String side,
      @JsonDeserialize(using = WireTime.class) Instant entryTime,
      @JsonDeserialize(using = WireTime.class) Instant exitTime,
      Double entryPrice,
      Double exitPrice,
      Double quantity,
      Double pnl,
      Double fees,
      Double slippage,
      Double riskReward,
      Double mfe,
      Double mae) {}

  record BalanceBody(@JsonDeserialize(using = WireTime.class) Instant time, Double balance) {}

  record ReasonBody(String reason) {}

  /** One trade object or a non-empty array of them. */
  public static List<TradeClosed> trades(byte[] body) {
    return elements(body, "trades", TradeBody.class, RequestBodies::trade);
  }

  /** One balance object or a non-empty array of them. */
  public static List<BalanceUpdated> balances(byte[] body) {
    return elements(body, "balances", BalanceBody.class, RequestBodies::balance);
  }

  /** {@code {"reason": "…"}} of an operator's halt or resume: 1 to {@code maxLength} characters. */
  public static String reason(byte[] body, int maxLength) {
    JsonNode tree = tree(body);
    if (!tree.isObject()) {
      throw ApiProblem.invalidInput("body: must be a JSON object {\"reason\": \"…\"}, got " + describe(tree));
    }
    ReasonBody parsed = bind(tree, ReasonBody.class, "");
    String reason = parsed.reason() == null ? null : parsed.reason().strip();
    if (reason == null) {
      throw ApiProblem.invalidInput("reason: is required but missing");
    }
    if (reason.isEmpty() || reason.length() > maxLength) {
      throw ApiProblem.invalidInput(
          "reason: must be 1 to " + maxLength + " characters, got " + reason.length());
    }
    return reason;
  }

  private static <B, E> List<E> elements(
      byte[] body, String list, Class<B> type, Function<Checked<B>, E> convert) {
    JsonNode tree = tree(body);
    List<JsonNode> nodes = new ArrayList<>();
    boolean array = tree.isArray();
    if (array) {
      tree.forEach(nodes::add);
      if (nodes.isEmpty()) {
        throw ApiProblem.invalidInput("body: the array is empty; send at least one element");
      }
    } else {
      nodes.add(tree);
    }
    List<E> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String where = array ? list + "[" + i + "]." : "";
      JsonNode node = nodes.get(i);
      if (!node.isObject()) {
        String path = array ? list + "[" + i + "]" : "body";
        throw ApiProblem.invalidInput(path + ": must be a JSON object, got " + describe(node));
      }
      out.add(convert.apply(new Checked<>(bind(node, type, where), where)));
    }
    return out;
  }

  /** A bound body with the path prefix of its messages. */
  private record Checked<B>(B body, String where) {

    <T> T required(String field, T value) {
      if (value == null) {
        throw ApiProblem.invalidInput(where + field + ": is required but missing");
      }
      return value;
    }

    <T> T valid(T event, List<Violation> violations) {
      if (!violations.isEmpty()) {
        throw ApiProblem.invalidInput(
            violations.stream().map(v -> where + v).collect(Collectors.joining("; ")));
      }
      return event;
    }
  }

  private static TradeClosed trade(Checked<TradeBody> c) {
    TradeBody b = c.body();
    String sideText = c.required("side", b.side());
    Side side = Side.parse(sideText);
    if (side == null) {
      throw ApiProblem.invalidInput(c.where() + "side: must be long or short, got '" + sideText + "'");
    }
    TradeClosed trade =
        new TradeClosed(
            c.required("trade_id", b.tradeId()),
            c.required("symbol", b.symbol()),
            side,
            c.required("entry_time", b.entryTime()),
            c.required("exit_time", b.exitTime()),
            c.required("entry_price", b.entryPrice()),
            c.required("exit_price", b.exitPrice()),
            c.required("quantity", b.quantity()),
            c.required("pnl", b.pnl()),
            c.required("fees", b.fees()),
            c.required("slippage", b.slippage()),
            b.riskReward(),
            b.mfe(),
            b.mae());
    return c.valid(trade, EventValidator.validate(trade));
  }

  private static BalanceUpdated balance(Checked<BalanceBody> c) {
    BalanceBody b = c.body();
    BalanceUpdated balance = new BalanceUpdated(c.required("time", b.time()), c.required("balance", b.balance()));
    return c.valid(balance, EventValidator.validate(balance));
  }

  // ---- JSON -----------------------------------------------------------------------------------------------------

  private static JsonNode tree(byte[] body) {
    if (body.length == 0) {
      throw new ApiProblem(
          org.apache.pekko.http.javadsl.model.StatusCodes.BAD_REQUEST, "malformed_json", "body: is empty");
    }
    try {
      return STRICT.readTree(body);
    } catch (JsonParseException e) {
      throw parseProblem(e);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static <B> B bind(JsonNode node, Class<B> type, String where) {
    try {
      return STRICT.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      Collection<Object> known = e.getKnownPropertyIds();
      throw ApiProblem.invalidInput(
          where + e.getPropertyName() + ": unknown field; expected one of "
              + known.stream().map(Object::toString).map(RequestBodies::wireName).collect(Collectors.joining(", ")));
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : wireName(e.getPath().get(e.getPath().size() - 1).getFieldName());
      if (e.getTargetType() == Instant.class && e.getCause() instanceof DateTimeException bad) {
        throw ApiProblem.invalidInput(where + field + ": " + bad.getMessage());
      }
      throw ApiProblem.invalidInput(where + field + ": " + expectation(e) + ", got " + found(e));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static final Map<Class<?>, String> EXPECTED =
      Map.of(Double.class, "must be a JSON number", String.class, "must be a JSON string");

  private static String expectation(MismatchedInputException e) {
    if (e.getTargetType() == Instant.class) {
      return "must be an ISO-8601 string with an offset or integer epoch milliseconds";
    }
    return EXPECTED.getOrDefault(e.getTargetType(), "has the wrong type");
  }

  /** What the parser stood on when binding failed, in words. */
  private static String found(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return "another type";
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    try {
      switch (token) {
        case VALUE_STRING:
          return "the string '" + shorten(parser.getText()) + "'";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "the number " + parser.getText();
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "the boolean " + parser.getText();
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        default:
          return token.asString() == null ? token.name().toLowerCase() : token.asString();
      }
    } catch (IOException io) {
      return "another type";
    }
  }

  private static ApiProblem parseProblem(JsonParseException e) {
    String message = e.getOriginalMessage();
    String field = e.getProcessor() == null || e.getProcessor().getParsingContext() == null
        ? null
        : e.getProcessor().getParsingContext().getCurrentName();
    String at = field == null ? "body" : field;
    if (message.startsWith("Non-standard token")) {
      return ApiProblem.invalidInput(at + ": must be a finite number; NaN and Infinity are not JSON numbers");
    }
    if (message.startsWith("Duplicate field")) {
      return ApiProblem.invalidInput(at + ": appears more than once in an object");
    }
    return malformed(e);
  }

  private static ApiProblem malformed(Exception e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    String where = "";
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      where = " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
    }
    return new ApiProblem(
        org.apache.pekko.http.javadsl.model.StatusCodes.BAD_REQUEST,
        "malformed_json",
        "body: is not valid JSON" + where + ": " + shorten(message));
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isTextual()) {
      return "the string '" + shorten(node.textValue()) + "'";
    }
    return node.isNull() ? "null" : "the " + node.getNodeType().toString().toLowerCase() + " " + node.asText();
  }

  private static String wireName(String name) {
    return new WireNaming().translate(name);
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /** A time on the wire: an ISO-8601 string with an offset, or integer epoch milliseconds (DESIGN §2). */
  static final class WireTime extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        try {
          return TimeParser.parse(p.getText());
        } catch (DateTimeException e) {
          throw (MismatchedInputException) MismatchedInputException.from(p, Instant.class, e.getMessage()).initCause(e);
        }
      }
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        try {
          return Instant.ofEpochMilli(p.getLongValue());
        } catch (DateTimeException e) {
          throw (MismatchedInputException)
              MismatchedInputException.from(p, Instant.class, "is out of range as epoch milliseconds").initCause(
                  new DateTimeException("is out of range as epoch milliseconds: " + p.getText()));
        }
      }
      throw MismatchedInputException.from(p, Instant.class, "not a time");
    }
  }
}
