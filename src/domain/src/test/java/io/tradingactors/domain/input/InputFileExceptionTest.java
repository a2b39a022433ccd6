package io.tradingactors.domain.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputFileExceptionTest {

  private final Path file = Path.of("data", "trades.csv");

  @Test
  void theMessageNamesFileLineFieldAndReason() {
    InputFileException e = new InputFileException(file, 42, "pnl", "must be a finite number, got 'NaN'");

    assertThat(e.getMessage()).isEqualTo(file + ":42: pnl: must be a finite number, got 'NaN'");
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(42);
    assertThat(e.field()).isEqualTo("pnl");
    assertThat(e.reason()).isEqualTo("must be a finite number, got 'NaN'");
  }

  @Test
  void absentPartsAreLeftOut() {
    assertThat(new InputFileException(file, 7, null, "has 3 cells").getMessage()).isEqualTo(file + ":7: has 3 cells");
    assertThat(new InputFileException(file, 0, null, "no such file").getMessage()).isEqualTo(file + ": no such file");
    assertThat(new InputFileException(file, 0, "pnl", "x").getMessage()).isEqualTo(file + ": pnl: x");
  }

  @Test
  void longQuotedInputIsShortened() {
    String quoted = InputFileException.quote("x".repeat(1000));

    assertThat(quoted).hasSizeLessThan(100).endsWith("(1000 characters)");
    assertThat(InputFileException.quote("NaN")).isEqualTo("'NaN'");
  }
}
