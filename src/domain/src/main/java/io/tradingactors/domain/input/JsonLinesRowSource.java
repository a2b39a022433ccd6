package io.tradingactors.domain.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * JSON Lines rows: one JSON object per physical line, blank lines skipped. Each line is parsed on its own, so a
 * malformed line is reported with its own number and never swallows the lines after it.
 *
 * <p>The parser is configured for evidence, not convenience: {@code NaN}/{@code Infinity} tokens are rejected, a key
 * repeated within an object is an error (which value would win is otherwise an accident of the parser), and a line
 * holding anything after its object is an error. Non-finite values that JSON does allow to be written (such as
 * {@code 1e999}) are caught by {@link JsonRow}.
 */
final class JsonLinesRowSource implements RowSource {

  private static final ObjectReader READER =
      JsonMapper.builder()
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build()
          .reader();

  private final Path file;
  private final FileSchema schema;
  private final BufferedReader reader;
  private long line;

  /** The source owns the reader and closes it. */
  JsonLinesRowSource(Path file, FileSchema schema, BufferedReader reader) {
    this.file = file;
    this.schema = schema;
    this.reader = reader;
  }

  @Override
  public Row next() throws InputFileException, IOException {
    String text;
    do {
      try {
        text = reader.readLine();
      } catch (CharacterCodingException e) {
        throw InputText.notUtf8(file, line + 1, e);
      }
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    return new JsonRow(file, line, object(text));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The line's object, with every field name known to the schema. */
  private ObjectNode object(String text) throws InputFileException {
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (!node.isObject()) {
      String hint = node.isArray() ? " (a JSON array is not JSON Lines: write one object per line)" : "";
      throw new InputFileException(
          file, line, null, "must be a JSON object, got " + JsonRow.describe(node) + hint);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!schema.knows(name)) {
        throw new InputFileException(file, line, name, schema.unknownReason("field", name));
      }
    }
    return (ObjectNode) node;
  }

  /**
   * Turns Jackson's report into one for the user. The three rejections configured above are reworded (Jackson's
   * messages name its own feature flags, which mean nothing to someone fixing a file) and name the field when the
   * parser knows it.
   */
  private InputFileException malformed(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    String field = null;
    if (e.getProcessor() instanceof JsonParser) {
      JsonParser parser = (JsonParser) e.getProcessor();
      if (parser.getParsingContext() != null) {
        field = parser.getParsingContext().getCurrentName();
      }
    }
    if (message.startsWith("Non-standard token")) {
      return new InputFileException(
          file, line, field, "must be a finite number; NaN and Infinity are not JSON numbers", e);
    }
    if (message.startsWith("Duplicate field")) {
      return new InputFileException(file, line, field, "appears more than once in the object", e);
    }
    if (message.startsWith("Trailing token")) {
      return new InputFileException(
          file, line, null, "holds more than one JSON value; JSON Lines takes one object per line", e);
    }
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    String where = column > 0 ? " at column " + column : "";
    return new InputFileException(file, line, null, "is not valid JSON" + where + ": " + message, e);
  }
}
